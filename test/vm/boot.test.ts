/**
 * The real thing, under Node: v86 boots the shipped Debian kernel and busybox initrd with an IDE
 * disk; commands go over the serial line. Then the engine drives reboot, stop/start and terminate
 * of that machine, and each step asserts what survives it: the disk (/mnt/disk) does, RAM (/tmp)
 * does not. Slow (a boot from scratch takes 10-25 s on 2 cores), so only the first start and the
 * reboot boot from scratch; the other power-ons resume the instant-start state (~1-4 s). The tests
 * of this file run one after another and share one controller.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { V86 } from 'v86';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadMachineFactory, type LoadProgress } from '../../src/vm/browser';
import { startLoad } from '../../src/vm/manifest';
import { shippedFile, shippedImages } from '../../scripts/vm-image/shipped';
import {
  VmController,
  blankDiskBytes,
  createV86Machine,
  guestMemory,
  diskMountedPattern,
  promptPattern,
  type GuestImages,
  type MachineSpec,
  type V86MachineWithState,
} from '../../src/vm';

const root = join(__dirname, '..', '..');
const dir = join(root, 'static', 'vm');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cmdline: string;
  files: Array<{ path: string; bytes: number }>;
  states?: Array<{ memoryMiB: number; path: string; bytes: number; disk?: { path: string; bytes: number } }>;
};
const images: GuestImages = shippedImages(manifest.cmdline);
const wasm = { wasm_path: join(root, 'node_modules', 'v86', 'build', 'v86.wasm') };

/** The page's default size, the one with an instant-start state (see scripts/vm-image/save-state.ts). */
const memoryMiB = 64;
const statePath = manifest.states?.find((s) => s.memoryMiB === memoryMiB)?.path;
if (!statePath) throw new Error(`static/vm/manifest.json has no state for ${memoryMiB} MiB: run \`npm run vm:state\``);
// As the page passes it: compressed (v86 decompresses a zstd state itself while restoring).
const savedState = shippedFile(statePath);

// Generous: a boot from scratch took 90 s on the 2 shared cores under a load of 17 (10-25 s when quiet).
const BOOT_MS = 180_000;
const machines: V86MachineWithState[] = [];
const specs: MachineSpec[] = [];
/** How the next power-on comes up: the page's choice, passed to the factory as MachineSpec.boot. */
let boot: 'saved' | 'scratch' = 'scratch';
const factory = (spec: MachineSpec) => {
  specs.push(spec);
  const m = createV86Machine(V86, images, wasm, { ...spec, memoryMiB, boot }, savedState);
  machines.push(m);
  return m;
};
const controller = new VmController<V86MachineWithState>(factory);
const controllers = [controller];

/** Waits for a shell prompt printed after `from`. */
async function prompt(m: V86MachineWithState, from = 0): Promise<string> {
  return m.console.waitFor(promptPattern, { from, timeoutMs: BOOT_MS });
}

/**
 * Runs one command and returns its output (the lines between the echoed command and the next
 * prompt). Keep commands under ~60 characters: the shell's echo wraps at the 80-column terminal.
 */
async function run(m: V86MachineWithState, command: string): Promise<string> {
  const from = m.console.mark();
  m.send(`${command}\n`);
  const text = await m.console.waitFor(promptPattern, { from, timeoutMs: 45_000 });
  const lines = text.split('\n');
  return lines.slice(1, -1).join('\n').trim();
}

/** Whether the guest's bytes are in the page's own disk buffer (v86 writes into it in place). */
const onDisk = (image: ArrayBuffer | undefined, text: string) => image !== undefined && Buffer.from(image).includes(text);

afterAll(async () => {
  if (process.env.VM_DEBUG) for (const m of machines) console.log(`---- machine (${m.bootedFrom})\n${m.console.text}`);
  // Whatever happened, no emulator may outlive the file.
  for (const c of controllers) await c.dispose();
  await Promise.all(machines.map((m) => m.destroy()));
});

describe('guest memory: v86 loads the initrd at 64 MiB', () => {
  const MiB = 1024 * 1024;
  it('gives 128 MiB as asked, with the command line unchanged', () => {
    expect(guestMemory(128, 2 * MiB, 'console=ttyS0')).toEqual({ memoryBytes: 128 * MiB, cmdline: 'console=ttyS0' });
  });
  it('emulates 64 MiB + the initrd, rounded up to 4 MiB, for a 32 or 64 MiB guest, and limits the kernel with mem=', () => {
    // 64 MiB + 1.8 MiB of initrd -> 68 MiB emulated
    expect(guestMemory(64, 1_849_094, 'c')).toEqual({ memoryBytes: 68 * MiB, cmdline: 'c mem=64M' });
    expect(guestMemory(32, 1_849_094, 'c')).toEqual({ memoryBytes: 68 * MiB, cmdline: 'c mem=32M' });
  });
});

describe.sequential('a real Linux VM under v86, driven by the engine', () => {
  it(
    'boots from scratch to a shell, formats the blank disk at /mnt/disk and computes 6*7',
    async () => {
      const t0 = Date.now();
      const out = await controller.start();
      expect(out.ok).toBe(true);
      expect(controller.state).toBe('running');
      const m = controller.emulator!;
      expect(m.bootedFrom).toBe('scratch');
      const text = await prompt(m);
      const bootMs = Date.now() - t0;
      expect(text).toContain('infralab: init up on 6.1.');
      expect(text).toContain('infralab: disk /dev/sda mounted at /mnt/disk (new filesystem)');
      expect(m.console.stage).toBe('shell');
      expect(await run(m, 'echo $((6*7))')).toBe('42');
      // The data plane made the blank disk and the controller keeps it.
      expect(controller.currentDisk!.image!.byteLength).toBe(blankDiskBytes);
      expect(await run(m, 'mount | grep /mnt/disk')).toMatch(/^\/dev\/sda on \/mnt\/disk type ext2 \(rw,sync/);
      console.info(`[vm] boot from scratch to shell under Node: ${(bootMs / 1000).toFixed(1)} s`);
    },
    BOOT_MS + 15_000,
  );

  it(
    'reboot: same machine and disk, booted from scratch; the disk file is kept, the /tmp file is gone',
    async () => {
      const m = controller.emulator!;
      const host = controller.host;
      const disk = controller.currentDisk!;
      expect(await run(m, 'echo kept-on-disk-1 > /mnt/disk/note')).toBe('');
      expect(await run(m, 'echo kept-in-ram > /tmp/mark')).toBe('');
      expect(await run(m, 'cat /mnt/disk/note /tmp/mark')).toBe('kept-on-disk-1\nkept-in-ram');
      expect(onDisk(disk.image, 'kept-on-disk-1')).toBe(true);
      const from = m.console.mark();
      boot = 'saved'; // the machine's own reset decides: asked for scratch, it runs firmware and kernel again
      expect((await controller.reboot({ boot: 'scratch' })).ok).toBe(true);
      expect(controller.emulator).toBe(m);
      expect(controller.host).toBe(host);
      expect(controller.currentDisk).toBe(disk);
      const text = await prompt(m, from);
      expect(text).toContain('infralab: init up on 6.1.');
      expect(text).toContain('(existing filesystem)');
      expect(await run(m, 'cat /tmp/mark 2>&1')).toMatch(/No such file or directory/);
      expect(await run(m, 'cat /mnt/disk/note')).toBe('kept-on-disk-1');
    },
    BOOT_MS + 30_000,
  );

  it(
    'stop then start from the saved state: a new machine, RAM lost, the disk kept and mounted again',
    async () => {
      const first = controller.emulator!;
      const disk = controller.currentDisk!;
      await run(first, 'echo kept-on-disk-2 >> /mnt/disk/note');
      await run(first, 'echo kept-in-ram > /tmp/mark');
      expect((await controller.stop()).ok).toBe(true);
      expect(controller.state).toBe('stopped');
      expect(controller.emulator).toBeNull();
      expect(first.v86.is_running()).toBe(false);
      const t0 = Date.now();
      expect((await controller.start()).ok).toBe(true);
      const second = controller.emulator!;
      expect(second).not.toBe(first);
      expect(second.bootedFrom).toBe('saved');
      expect(controller.currentDisk).toBe(disk);
      expect(specs.at(-1)!.disk.image).toBe(disk.image);
      const text = await prompt(second);
      console.info(`[vm] start from the saved state to shell under Node: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      expect(text).toMatch(diskMountedPattern);
      expect(text).toContain('(existing filesystem)');
      expect(text).not.toContain('infralab: init up'); // no boot: the state resumes after it
      expect(await run(second, 'echo $((6*7))')).toBe('42');
      // The state's clock stopped when it was saved; the resume sets it to now.
      expect(Math.abs(Number(await run(second, 'date +%s')) - Date.now() / 1000)).toBeLessThan(60);
      expect(text).not.toMatch(/^\d{10}$/m); // the time init reads is not echoed
      expect(await run(second, 'cat /tmp/mark 2>&1')).toMatch(/No such file or directory/);
      expect(await run(second, 'cat /mnt/disk/note')).toBe('kept-on-disk-1\nkept-on-disk-2');
    },
    BOOT_MS + 30_000,
  );

  it(
    'saveState / restoreState: RAM and disk go back to the saved instant, and the disk still works',
    async () => {
      const m = controller.emulator!;
      const disk = controller.currentDisk!;
      await run(m, 'echo before > /tmp/state');
      await run(m, 'echo before > /mnt/disk/state');
      const state = await m.saveState();
      await run(m, 'echo after > /tmp/state');
      await run(m, 'echo after > /mnt/disk/state');
      await run(m, 'echo new > /tmp/only-after');
      expect(onDisk(disk.image, 'after')).toBe(true);
      await m.restoreState(state);
      expect(controller.emulator).toBe(m);
      const from = m.console.mark();
      m.send('\n');
      await prompt(m, from);
      expect(await run(m, 'cat /tmp/state /mnt/disk/state')).toBe('before\nbefore');
      expect(await run(m, 'cat /tmp/only-after 2>&1')).toMatch(/No such file or directory/);
      // The guest writes into the page's disk buffer again, not into the state's copy.
      expect(await run(m, 'echo written-after-restore > /mnt/disk/later')).toBe('');
      expect(await run(m, 'cat /mnt/disk/later')).toBe('written-after-restore');
      expect(onDisk(disk.image, 'written-after-restore')).toBe(true);
    },
    2 * BOOT_MS,
  );

  it('terminate: the machine and the disk are gone; the engine refuses to start it and no emulator is made', async () => {
    const made = machines.length;
    expect((await controller.terminate()).ok).toBe(true);
    expect(controller.state).toBe('terminated');
    expect(controller.emulator).toBeNull();
    expect(controller.currentDisk).toBeNull();
    expect(machines.at(-1)!.v86.is_running()).toBe(false);
    const refused = await controller.start();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toBe('lab-1 is terminated: a terminated instance cannot be started');
    expect(machines.length).toBe(made);
    expect(specs.length).toBe(made);
  }, 30_000);

  it(
    'a fresh launch gets a new blank disk, formatted on its first start',
    async () => {
      const fresh = new VmController<V86MachineWithState>(factory);
      controllers.push(fresh);
      const old = specs.at(-1)!.disk;
      expect((await fresh.start()).ok).toBe(true);
      const m = fresh.emulator!;
      expect(fresh.currentDisk).not.toBe(old);
      const text = await prompt(m);
      expect(text).toContain('infralab: disk /dev/sda mounted at /mnt/disk (new filesystem)');
      expect(await run(m, 'ls /mnt/disk')).toBe('lost+found');
      expect(onDisk(fresh.currentDisk!.image, 'kept-on-disk-1')).toBe(false);
    },
    2 * BOOT_MS,
  );
});

describe.sequential("the page's loader (src/vm/browser.ts), on static/vm/ as served files", () => {
  /** fetch() for file: URLs, as a static server would answer, counting what was asked for. */
  const asked: string[] = [];
  const serveFiles = async (url: string | URL | Request) => {
    const path = new URL(String(url)).pathname;
    asked.push(path.slice(path.lastIndexOf('/') + 1));
    try {
      return new Response(readFileSync(path));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };

  it(
    'fetches v86 on load, the 64 MiB state alone on an instant start, and the kernel and initrd only for a boot from scratch',
    async () => {
      vi.stubGlobal('fetch', vi.fn(serveFiles));
      try {
        const progress: LoadProgress[] = [];
        const factory = await loadMachineFactory(`${pathToFileURL(dir).href}/`, (p) => progress.push(p));
        const size = (p: string) => manifest.files.find((f) => f.path === p)!.bytes;
        const wasmBytes = size('v86.wasm');
        const images = ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img'].reduce((t, p) => t + size(p), 0);
        expect(asked).not.toContain(statePath);
        expect(factory.fetchedBytes).toBe(wasmBytes);
        expect(factory.savedStateMemoryMiB).toEqual([memoryMiB]);
        const disk = { id: 'page-disk', sizeGiB: 1, boots: 1 };
        const m = await factory({ vm: 'lab-1', host: 'h', vcpu: 1, memoryMiB, disk, boot: 'saved' });
        machines.push(m as V86MachineWithState);
        const state = manifest.states!.find((s) => s.memoryMiB === memoryMiB)!;
        // The restored memory holds the firmware, kernel and initrd: none of them is fetched.
        for (const f of ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img']) expect(asked).not.toContain(f);
        // ... and the new disk comes formatted (saved with the state): the guest mounts it at once.
        const formatted = state.disk!.bytes;
        expect(factory.fetchedBytes).toBe(wasmBytes + state.bytes + formatted);
        expect(progress.at(-1)).toEqual({ loadedBytes: wasmBytes + state.bytes + formatted, totalBytes: wasmBytes + state.bytes + formatted });
        expect(m.bootedFrom).toBe('saved');
        expect(await prompt(m as V86MachineWithState)).toContain('(existing filesystem)');
        expect(await run(m as V86MachineWithState, 'ls /mnt/disk')).toBe('lost+found');
        expect(await run(m as V86MachineWithState, 'echo $((6*7))')).toBe('42');
        await m.destroy();
        // A second saved start reuses the state; a 128 MiB machine has none: the images come, once.
        const again = await factory({ vm: 'lab-1', host: 'h', vcpu: 1, memoryMiB, disk, boot: 'saved' });
        machines.push(again as V86MachineWithState);
        expect(factory.fetchedBytes).toBe(wasmBytes + state.bytes + formatted);
        await again.destroy();
        const big = await factory({ vm: 'lab-1', host: 'h', vcpu: 1, memoryMiB: 128, disk: { id: 'd2', sizeGiB: 1, boots: 1 }, boot: 'saved' });
        machines.push(big as V86MachineWithState);
        expect(big.bootedFrom).toBe('scratch');
        expect(factory.fetchedBytes).toBe(wasmBytes + state.bytes + formatted + images);
        await big.destroy();
      } finally {
        vi.unstubAllGlobals();
      }
    },
    2 * BOOT_MS,
  );

  it('takes what startLoad asked for before it came, instead of asking again', async () => {
    asked.length = 0;
    vi.stubGlobal('fetch', vi.fn(serveFiles));
    try {
      const base = `${pathToFileURL(dir).href}/`;
      const first = { vm: 'lab-1', host: 'h', vcpu: 1, memoryMiB, disk: { id: 'page-disk', sizeGiB: 1, boots: 1 }, boot: 'saved' as const };
      const state = manifest.states!.find((s) => s.memoryMiB === memoryMiB)!;
      const started = startLoad(base, first);
      // At once: v86's wasm, the instant start's state and formatted disk by their names, the manifest.
      expect(asked).toEqual(['v86.wasm', statePath, state.disk!.path, 'manifest.json']);
      await started.manifest;
      const factory = await loadMachineFactory(base, undefined, { first, started });
      expect(asked).toEqual(['v86.wasm', statePath, state.disk!.path, 'manifest.json']);
      expect(factory.savedStateMemoryMiB).toEqual([memoryMiB]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('cancels a state asked for by name that the manifest does not name, and asks for the one it names', async () => {
    const requests: { file: string; signal?: AbortSignal | null }[] = [];
    const renamed = {
      ...manifest,
      states: manifest.states!.map((s) => ({ ...s, path: `renamed-${s.path}`, disk: s.disk && { ...s.disk, path: `renamed-${s.disk.path}` } })),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
        const file = String(url).slice(String(url).lastIndexOf('/') + 1);
        requests.push({ file, signal: init?.signal });
        return file === 'manifest.json' ? new Response(JSON.stringify(renamed)) : new Response('not here', { status: 404 });
      }),
    );
    try {
      const first = { vm: 'lab-1', host: 'h', vcpu: 1, memoryMiB, disk: { id: 'page-disk', sizeGiB: 1, boots: 1 }, boot: 'saved' as const };
      const started = startLoad('http://127.0.0.1/vm/', first);
      await started.manifest.catch(() => undefined);
      const state = manifest.states!.find((s) => s.memoryMiB === memoryMiB)!;
      expect(requests.map((r) => r.file)).toEqual([
        'v86.wasm',
        statePath,
        state.disk!.path,
        'manifest.json',
        `renamed-${statePath}`,
        `renamed-${state.disk!.path}`,
      ]);
      const aborted = (file: string) => requests.find((r) => r.file === file)?.signal?.aborted;
      expect([statePath, state.disk!.path].map(aborted)).toEqual([true, true]);
      expect([`renamed-${statePath}`, `renamed-${state.disk!.path}`, 'v86.wasm'].map(aborted)).toEqual([false, false, false]);
      expect(started.take(statePath!)).toBeUndefined();
      expect(started.take(`renamed-${statePath}`)).toBeDefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
