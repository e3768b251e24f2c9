/**
 * The in-page VM under Node: how long the shipped images take to reach a shell from scratch and
 * from the instant-start state (median of 3 each, real v86), and what the page downloads for each.
 * Figures only, no targets: a boot under Node on a shared machine says little about a reader's
 * browser, but its ratio (scratch vs saved) and the sizes carry over.
 * Standalone: npx tsx bench/vm-node.ts
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { V86 } from 'v86';
import type { Figure } from './engine';
import { format } from './format';
import { promptPattern } from '../src/vm/serial';
import { blankDiskBytes, createV86Machine, type GuestImages } from '../src/vm/v86-emulator';
import { shippedFile, shippedImages } from '../scripts/vm-image/shipped';

const root = join(__dirname, '..');
const dir = join(root, 'static', 'vm');
const runs = 3;

type Manifest = {
  cmdline: string;
  files: Array<{ path: string; bytes: number }>;
  states?: Array<{ memoryMiB: number; path: string; bytes: number; rawBytes: number }>;
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type Disk = { id: string; sizeGiB: number; boots: number; image?: ArrayBuffer };
const blankDisk = (): Disk => ({ id: 'bench', sizeGiB: 1, boots: 1 });

/** Milliseconds from power-on to the first shell prompt; a blank disk is formatted by init on the way. */
async function toPrompt(images: GuestImages, memoryMiB: number, state?: ArrayBuffer, disk: Disk = blankDisk()): Promise<number> {
  const t0 = performance.now();
  const m = createV86Machine(
    V86,
    images,
    { wasm_path: join(root, 'node_modules', 'v86', 'build', 'v86.wasm') },
    { memoryMiB, disk, boot: state ? 'saved' : 'scratch' },
    state,
  );
  try {
    await m.console.waitFor(promptPattern, { timeoutMs: 120_000 });
    return performance.now() - t0;
  } finally {
    await m.destroy();
  }
}

export async function benchVmNode(): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const images = shippedImages(manifest.cmdline);
  const size = (p: string) => manifest.files.find((f) => f.path === p)?.bytes ?? 0;
  const figures: Figure[] = [];
  const state = manifest.states?.find((s) => s.memoryMiB === 64);
  for (const memoryMiB of [64, 128]) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await toPrompt(images, memoryMiB));
    figures.push({ name: `vm: boot from scratch to prompt, ${memoryMiB} MiB (median of ${runs})`, value: Math.round(median(times)), unit: 'ms' });
  }
  if (state) {
    // As the page hands it to v86: compressed (v86 decompresses a zstd state while restoring).
    const buffer = shippedFile(state.path);
    const fresh: number[] = [];
    for (let i = 0; i < runs; i++) fresh.push(await toPrompt(images, state.memoryMiB, buffer));
    figures.push({ name: `vm: saved state to prompt, ${state.memoryMiB} MiB, new disk (median of ${runs})`, value: Math.round(median(fresh)), unit: 'ms' });
    const kept = blankDisk();
    await toPrompt(images, state.memoryMiB, buffer, kept); // formats it
    const existing: number[] = [];
    for (let i = 0; i < runs; i++) existing.push(await toPrompt(images, state.memoryMiB, buffer, kept));
    figures.push({
      name: `vm: saved state to prompt, ${state.memoryMiB} MiB, existing disk (median of ${runs})`,
      value: Math.round(median(existing)),
      unit: 'ms',
    });
  }
  for (const s of manifest.states ?? []) {
    figures.push({ name: `vm: ${s.path} (zstd, as served)`, value: s.bytes, unit: 'bytes' });
    figures.push({ name: `vm: ${s.path} decompressed (v86's raw state)`, value: s.rawBytes, unit: 'bytes' });
  }
  // What each kind of Start fetches from static/vm/ (files as stored; a server may gzip libv86.mjs
  // and the manifest further). The goal: at most 5 MB for an instant start.
  const engine = ['manifest.json', 'libv86.mjs', 'v86.wasm'].reduce((t, p) => t + (p === 'manifest.json' ? statSync(join(dir, p)).size : size(p)), 0);
  const guest = ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img'].reduce((t, p) => t + size(p), 0);
  if (state)
    figures.push({
      name: 'vm: fetched on an instant start (v86 + the state)',
      value: engine + state.bytes,
      unit: 'bytes',
      target: { value: 5_000_000, better: 'lower' },
    });
  figures.push({ name: 'vm: fetched on a start from scratch (v86, firmware, kernel, initrd)', value: engine + guest, unit: 'bytes' });
  figures.push({ name: 'vm: bzImage (the kernel built by scripts/vm-image/kernel.ts)', value: size('bzImage'), unit: 'bytes' });
  figures.push({ name: 'vm: initrd.img (gzip)', value: size('initrd.img'), unit: 'bytes' });
  figures.push({ name: 'vm: blank disk image', value: blankDiskBytes, unit: 'bytes' });
  return figures.map(format).join('\n');
}

if (require.main === module) {
  benchVmNode().then(
    (text) => console.log(text),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
