/**
 * `npm run vm:state`: the instant-start states. Boots the shipped images of static/vm/ under Node
 * (v86 from node_modules) for each memory size, up to the point where /init waits to attach the
 * disk (the `infralab.snapshot` flag on the command line, see init.sh), saves v86's state there,
 * compresses it with zstd and records it in static/vm/manifest.json with the v86 version and image hashes it
 * belongs to. Run it after `npm run vm:image` (which removes the states of the old images).
 *
 * Not byte-reproducible, unlike the images: the state holds the guest's clock, timers and what
 * the kernel's boot raced on, which differ from run to run. What is checked instead is that a
 * state belongs to the shipped images (test/vm/manifest.test.ts) and boots (test/vm/boot.test.ts).
 *
 * Needs Debian's `zstd` tool. Usage: npm run vm:state [-- 64 128]   (memory sizes in MiB; default: stateMemoryMiB)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { V86 } from 'v86';
import type { GuestDisk } from '../../src/vm/controller';
import { diskMountedPattern, promptPattern, snapshotMarker } from '../../src/vm/serial';
import { createV86Machine, saveStateWithoutDiskBytes, snapshotCmdline, type GuestImages, type V86Machine } from '../../src/vm/v86-emulator';
import { packDiskBlocks } from '../../src/vm/state-file';
import { shippedImages } from './shipped';
import { stateDiskPath, stateImages, statePath, type StateRecord } from './state-manifest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dir = join(root, 'static', 'vm');

/**
 * The sizes that get a state: the default, 64 MiB, only. Measured (v86 0.5.462, the kernel of
 * scripts/vm-image/kernel.config, init_on_free=1): what is not zero in the guest's memory is the
 * kernel (1.2 MiB of code, 0.6 MiB of data), busybox in the initramfs, the page tables and a little
 * slab, which zstd -19 packs into ~2.35 MB, beside the blank 16 MiB disk that packs to almost
 * nothing. The size barely depends on the memory size (24, 32 and 48 MiB pack within 0.01 MB of
 * 64 MiB), so a smaller default would not make the instant start lighter. 32 MiB now boots with
 * its disk too (Debian's kernel and modules did not fit there).
 */
export const stateMemoryMiB = [64] as const;

const stateLicence = 'the running guest: Linux and its modules (GPL-2.0-only), busybox (GPL-2.0-only), SeaBIOS (LGPL-3.0); see licences/README.txt';

/** How long to let init settle into its `read` after printing the marker, before saving. */
const settleMs = 1000;

type Manifest = {
  cmdline: string;
  emulator: { version: string };
  files: Array<{ path: string; sha256: string; bytes: number; from: string }>;
  states?: StateRecord[];
};

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * v86's RAM as bytes, reached through its internals (no public call gives it in v86 0.5.462); the
 * path is checked and named if a v86 update moves it.
 */
function guestRam(m: V86Machine): Pick<Uint8Array, 'length' | 'fill'> {
  // A view on the wasm memory (v86 wraps it so that it follows the memory when it grows).
  const mem8 = (m.v86 as unknown as { v86?: { cpu?: { mem8?: Partial<Uint8Array> } } }).v86?.cpu?.mem8;
  if (typeof mem8?.length !== 'number' || typeof mem8.fill !== 'function') throw new Error('v86: no RAM at v86.cpu.mem8 (has the v86 version changed?)');
  return mem8 as Uint8Array;
}

/**
 * Boots to the snapshot point and returns v86's state there, uncompressed. The RAM v86 emulates
 * above the guest's `mem=` limit (where v86 put the initrd, see guestMemory) is zeroed first: the
 * kernel never uses it, and v86 leaves zero pages out of a state.
 */
export async function saveBootState(images: GuestImages, wasmPath: string, memoryMiB: number, timeoutMs = 180_000): Promise<ArrayBuffer> {
  return (await saveBootStateAndDisk(images, wasmPath, memoryMiB, timeoutMs)).state;
}

/**
 * The state as saveBootState saves it, and then the new disk of an instant start: the same machine
 * goes on past the snapshot point, as a resumed one would, and its init formats the blank disk
 * (mke2fs) and mounts it; the agent syncs it at power-off. The page gives a new disk these bytes,
 * so that a resumed machine mounts an empty filesystem instead of formatting one (the slowest step
 * of an instant start). The state does not know this disk: at the snapshot point the kernel has not
 * seen any disk yet, and it holds the disk's size but not its bytes (saveStateWithoutDiskBytes).
 */
export async function saveBootStateAndDisk(
  images: GuestImages,
  wasmPath: string,
  memoryMiB: number,
  timeoutMs = 180_000,
): Promise<{ state: ArrayBuffer; disk: ArrayBuffer }> {
  const disk: GuestDisk = { id: 'snapshot', sizeGiB: 1, boots: 1 };
  const m = createV86Machine(V86, { ...images, cmdline: snapshotCmdline(images.cmdline) }, { wasm_path: wasmPath }, { memoryMiB, disk, boot: 'scratch' });
  try {
    await m.console.waitFor(snapshotMarker, { timeoutMs });
    await new Promise((r) => setTimeout(r, settleMs));
    const ram = guestRam(m);
    const limit = memoryMiB * 1024 * 1024;
    if (ram.length > limit) ram.fill(0, limit);
    const state = await saveStateWithoutDiskBytes(m);
    const from = m.console.mark();
    m.send(`${Math.floor(Date.now() / 1000)}\n`);
    const mounted = await m.console.waitFor(diskMountedPattern, { from, timeoutMs });
    if (!mounted.includes('(new filesystem)')) throw new Error(`the snapshot machine's blank disk was not formatted: ${mounted.slice(-200)}`);
    await m.console.waitFor(promptPattern, { from, timeoutMs });
    await m.destroy(); // syncs the guest's filesystem to the disk first
    return { state, disk: disk.image! };
  } finally {
    await m.destroy();
  }
}

/**
 * zstd -19 through Debian's `zstd` tool (Node 20's zlib has no zstd). v86 decompresses zstd
 * states itself, and -19 makes a 64 MiB state ~25% smaller than gzip -9 (8.0 MB against 10.6 MB).
 */
export function zstd(data: Uint8Array): Buffer {
  try {
    // --stream-size puts the size into the frame header: the page checks it against the manifest.
    return execFileSync('zstd', ['-19', '-q', '-c', `--stream-size=${data.length}`, '-'], { input: data, maxBuffer: 256 << 20 });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing ? 'the `zstd` tool is not installed (Debian: apt-get install zstd)' : `zstd failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  for (const s of sizes) if (!Number.isInteger(s) || s <= 0) throw new Error(`vm:state: not a memory size in MiB: ${s}`);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const images = shippedImages(manifest.cmdline, dir);
  const forImages = stateImages(manifest);
  // Old states go: they belong to whatever images they were saved from.
  for (const s of manifest.states ?? []) for (const p of [s.path, s.disk?.path]) if (p) rmSync(join(dir, p), { force: true });
  manifest.files = manifest.files.filter((f) => !(manifest.states ?? []).some((s) => s.path === f.path || s.disk?.path === f.path));
  manifest.states = [];
  for (const memoryMiB of sizes.length > 0 ? sizes : stateMemoryMiB) {
    const t0 = Date.now();
    const saved = await saveBootStateAndDisk(images, join(root, 'node_modules', 'v86', 'build', 'v86.wasm'), memoryMiB);
    const raw = new Uint8Array(saved.state);
    const packed = zstd(raw);
    const path = statePath(memoryMiB);
    writeFileSync(join(dir, path), packed);
    manifest.files.push({
      path,
      sha256: sha256(packed),
      bytes: packed.length,
      from: `saved by scripts/vm-image/save-state.ts: v86 ${manifest.emulator.version} booted to init's disk step with ${memoryMiB} MiB, zstd -19`,
    });
    const diskRaw = new Uint8Array(saved.disk);
    const diskPacked = gzipSync(packDiskBlocks(diskRaw), { level: 9 });
    const diskPath = stateDiskPath(memoryMiB);
    writeFileSync(join(dir, diskPath), diskPacked);
    manifest.files.push({
      path: diskPath,
      sha256: sha256(diskPacked),
      bytes: diskPacked.length,
      from: `saved by scripts/vm-image/save-state.ts: the blank disk of the same machine after its init formatted it (busybox mke2fs), its non-zero 4 KiB blocks (src/vm/state-file.ts packDiskBlocks), gzip -9`,
    });
    manifest.states.push({
      memoryMiB,
      path,
      bytes: packed.length,
      sha256: sha256(packed),
      rawBytes: raw.length,
      v86: manifest.emulator.version,
      cmdline: manifest.cmdline,
      disk: { path: diskPath, bytes: diskPacked.length, sha256: sha256(diskPacked), rawBytes: diskRaw.length },
      images: forImages,
      licence: stateLicence,
    });
    console.log(
      `vm:state: ${path} ${(packed.length / 1e6).toFixed(2)} MB zstd (${(raw.length / 1e6).toFixed(1)} MB raw), ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const total = manifest.states.reduce((s, x) => s + x.bytes, 0);
  console.log(`vm:state: ${manifest.states.length} states, ${(total / 1e6).toFixed(2)} MB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`vm:state: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
