/**
 * The data plane: one v86 machine (the emulator plays the hypervisor) booting the guest images of
 * static/vm/. The V86 class and the images are passed in, so the same code runs under Node (tests
 * read the files, wasm_path) and in the page (fetch, dynamic import of v86 on the reader's click).
 */
import type { V86, V86Options } from 'v86';
import type { Emulator, MachineSpec } from './controller';
import { SerialConsole } from './serial';

/** The guest images as bytes, and the kernel command line from static/vm/manifest.json. */
export interface GuestImages {
  bios: ArrayBuffer;
  vgaBios: ArrayBuffer;
  bzImage: ArrayBuffer;
  initrd: ArrayBuffer;
  cmdline: string;
}

/** Where v86's own wasm comes from: a path (Node) or a loader (the page). */
export type WasmSource = Pick<V86Options, 'wasm_path' | 'wasm_fn'>;

export interface V86Machine extends Emulator {
  /** The v86 instance now powering the machine (a reset replaces it). */
  readonly v86: V86;
  readonly console: SerialConsole;
  /** Types text on the guest's serial line (add '\n' to submit a command). */
  send(text: string): void;
}

/** The line the console shows when the machine is reset, so a reader sees where a new boot begins. */
export const resetLine = '\n[infralab: machine reset]\n';

/** How long a power-off may take before the machine is given up on (a crashed v86 never reports stopped). */
const destroyTimeoutMs = 5000;

export function createV86Machine(V86Class: typeof V86, images: GuestImages, wasm: WasmSource, machine: Pick<MachineSpec, 'memoryMiB'>): V86Machine {
  const serial = new SerialConsole();
  const onByte = (byte: number) => serial.push(byte);
  const copy = (b: ArrayBuffer) => ({ buffer: b.slice(0) });
  const powerOn = (): V86 => {
    const v = new V86Class({
      ...wasm,
      bios: copy(images.bios),
      vga_bios: copy(images.vgaBios),
      bzimage: copy(images.bzImage),
      initrd: copy(images.initrd),
      cmdline: images.cmdline,
      memory_size: machine.memoryMiB * 1024 * 1024,
      vga_memory_size: 2 * 1024 * 1024,
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
    });
    v.add_listener('serial0-output-byte', onByte);
    return v;
  };
  const powerOff = async (v: V86): Promise<void> => {
    v.remove_listener('serial0-output-byte', onByte);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([v.destroy().catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, destroyTimeoutMs)))]);
    clearTimeout(timer);
  };
  let v86 = powerOn();
  let destroyed = false;
  return {
    get v86() {
      return v86;
    },
    console: serial,
    send(text: string) {
      if (!destroyed) v86.serial0_send(text);
    },
    /**
     * A hard reset. v86 0.5.462's own restart() (cpu.reboot_internal) crashed the wasm core
     * ("RuntimeError: unreachable") after a bzImage boot, so a reset powers a fresh v86 on with the
     * same images and memory size: the same machine to the guest, with its RAM cleared.
     */
    async restart() {
      if (destroyed) return;
      const old = v86;
      serial.push(resetLine);
      await powerOff(old);
      v86 = powerOn();
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      serial.abort('the machine was powered off');
      await powerOff(v86);
    },
  };
}
