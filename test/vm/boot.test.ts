/**
 * The real thing, under Node: v86 boots the shipped Debian kernel and busybox initrd; commands go
 * over the serial line. Then the engine drives reboot, stop/start and terminate of that machine,
 * and each step asserts what survives it. Slow (each boot takes 10-20 s on 2 cores): the tests of
 * this file run one after another and share one controller.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { V86 } from 'v86';
import { afterAll, describe, expect, it } from 'vitest';
import { VmController, createV86Machine, promptPattern, type GuestImages, type MachineSpec, type V86Machine } from '../../src/vm';

const root = join(__dirname, '..', '..');
const dir = join(root, 'static', 'vm');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cmdline: string };
const bytes = (name: string): ArrayBuffer => {
  const b = readFileSync(join(dir, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const images: GuestImages = { bios: bytes('bios.bin'), vgaBios: bytes('vgabios.bin'), bzImage: bytes('bzImage'), initrd: bytes('initrd.img'), cmdline: manifest.cmdline };
const wasm = { wasm_path: join(root, 'node_modules', 'v86', 'build', 'v86.wasm') };

const BOOT_MS = 60_000;
const machines: V86Machine[] = [];
const specs: MachineSpec[] = [];
const controller = new VmController<V86Machine>((spec) => {
  specs.push(spec);
  const m = createV86Machine(V86, images, wasm, spec);
  machines.push(m);
  return m;
});

/** Waits for a shell prompt printed after `from`. */
async function prompt(m: V86Machine, from = 0): Promise<void> {
  await m.console.waitFor(promptPattern, { from, timeoutMs: BOOT_MS });
}

/** Runs one command and returns its output (the lines between the echoed command and the next prompt). */
async function run(m: V86Machine, command: string): Promise<string> {
  const from = m.console.mark();
  m.send(`${command}\n`);
  const text = await m.console.waitFor(promptPattern, { from, timeoutMs: 15_000 });
  const lines = text.split('\n');
  return lines.slice(1, -1).join('\n').trim();
}

afterAll(async () => {
  // Whatever happened, no emulator may outlive the file.
  await controller.dispose();
  await Promise.all(machines.map((m) => m.destroy()));
});

describe.sequential('a real Linux VM under v86, driven by the engine', () => {
  it(
    'boots to a shell and computes 6*7 over the serial line',
    async () => {
      const t0 = Date.now();
      const out = await controller.start();
      expect(out.ok).toBe(true);
      expect(controller.state).toBe('running');
      const m = controller.emulator!;
      await prompt(m);
      const bootMs = Date.now() - t0;
      expect(m.console.text).toContain('infralab: init up on 6.1.');
      expect(m.console.stage).toBe('shell');
      expect(await run(m, 'echo $((6*7))')).toBe('42');
      console.info(`[vm] boot to shell under Node: ${(bootMs / 1000).toFixed(1)} s`);
    },
    BOOT_MS + 15_000,
  );

  it(
    'reboot: same machine, same host; the memory is cleared, so a file in /tmp is gone',
    async () => {
      const m = controller.emulator!;
      const host = controller.host;
      expect(await run(m, 'echo kept-in-ram > /tmp/mark && cat /tmp/mark')).toBe('kept-in-ram');
      const from = m.console.mark();
      expect((await controller.reboot()).ok).toBe(true);
      expect(controller.emulator).toBe(m);
      expect(controller.host).toBe(host);
      await prompt(m, from);
      expect(await run(m, 'cat /tmp/mark 2>&1')).toMatch(/No such file or directory/);
      expect(await run(m, 'echo $((6*7))')).toBe('42');
    },
    BOOT_MS + 30_000,
  );

  it(
    'stop then start: the machine is powered off and a new one boots; RAM is lost, the disk is kept',
    async () => {
      const first = controller.emulator!;
      const disk = controller.currentDisk;
      await run(first, 'echo kept-in-ram > /tmp/mark');
      expect((await controller.stop()).ok).toBe(true);
      expect(controller.state).toBe('stopped');
      expect(controller.emulator).toBeNull();
      expect(first.v86.is_running()).toBe(false);
      expect((await controller.start()).ok).toBe(true);
      const second = controller.emulator!;
      expect(second).not.toBe(first);
      expect(controller.currentDisk).toBe(disk);
      await prompt(second);
      expect(await run(second, 'cat /tmp/mark 2>&1')).toMatch(/No such file or directory/);
    },
    BOOT_MS + 30_000,
  );

  it(
    'terminate: the machine and the disk are gone; the engine refuses to start it and no emulator is made',
    async () => {
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
    },
    30_000,
  );
});
