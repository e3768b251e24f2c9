/**
 * v86's restore as patched here (patches/v86+0.5.462.patch): a machine made to restore a state skips
 * zeroing its guest RAM above the first MiB, RAM that nothing has written since the wasm memory was
 * made (writing 64 MiB of fresh pages cost the instant start 0.2-0.7 s in chromium). Held here
 * against v86's own full path: a machine that has run its BIOS (its RAM written) and then restores
 * the same state zeroes all of its RAM first. Both must end with the same RAM, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { V86 } from 'v86';
import { describe, expect, it } from 'vitest';
import { guestMemory } from '../../src/vm';

const root = join(__dirname, '..', '..');
const dir = join(root, 'static', 'vm');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cmdline: string;
  states: Array<{ memoryMiB: number; path: string; rawBytes: number }>;
};
const file = (name: string): ArrayBuffer => {
  const b = readFileSync(join(dir, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const wasm_path = join(root, 'node_modules', 'v86', 'build', 'v86.wasm');
const state = manifest.states.find((s) => s.memoryMiB === 64)!;
const memory = guestMemory(64, file('initrd.img').byteLength, manifest.cmdline);

type Inner = { v86: { cpu: { mem8: Uint8Array; memory_untouched?: boolean } } };
const cpu = (v: V86) => (v as unknown as Inner).v86.cpu;
const loaded = (v: V86) => new Promise<void>((resolve) => v.add_listener('emulator-loaded', () => resolve()));
const options = { wasm_path, memory_size: memory.memoryBytes, vga_memory_size: 2 * 1024 * 1024, hda: { buffer: new ArrayBuffer(16 * 1024 * 1024) } };

describe("v86's restore of the instant-start state", () => {
  it('leaves the same RAM whether or not it zeroes untouched memory first', async () => {
    // The fast path: restored while the machine is made, nothing run before.
    const fresh = new V86({ ...options, initial_state: { buffer: file(state.path) }, autostart: false });
    await loaded(fresh);
    expect(cpu(fresh).memory_untouched).toBe(false); // the flag is spent by the restore it was set for

    // The full path: the BIOS runs first (RAM written), then the same state is restored.
    const used = new V86({ ...options, bios: { buffer: file('bios.bin') }, vga_bios: { buffer: file('vgabios.bin') }, autostart: true });
    await loaded(used);
    await new Promise((r) => setTimeout(r, 300));
    await used.stop();
    const before = cpu(used).mem8;
    expect(before.some((b) => b !== 0)).toBe(true); // the BIOS did write RAM
    expect(cpu(used).memory_untouched).toBeFalsy();
    await used.restore_state(file(state.path));

    const a = cpu(fresh).mem8;
    const b = cpu(used).mem8;
    expect(a.length).toBe(b.length);
    expect(Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length))).toBe(0);
    await Promise.all([fresh.destroy(), used.destroy()]);
  }, 60_000);

  it('is saved without the blank disk the machine had: RAM and devices only', () => {
    // 64 MiB of RAM packs to its non-zero pages (a few MiB); a state with the 16 MiB disk was 26.9 MB.
    expect(state.rawBytes).toBeLessThan(16 * 1024 * 1024);
  });
});
