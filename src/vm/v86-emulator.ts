/**
 * The data plane: one v86 machine (the emulator plays the hypervisor) booting the guest images of
 * static/vm/ with the VM's disk attached as its IDE disk. The V86 class and the images are passed
 * in, so the same code runs under Node (tests read the files, wasm_path) and in the page (fetch,
 * dynamic import of v86 on the reader's click).
 */
import type { V86, V86Options } from 'v86';
import type { BootMode, Emulator, MachineSpec } from './controller';
import { SerialConsole, resetLine, resumeLine, snapshotCmdlineFlag } from './serial';

/** The guest images as bytes, and the kernel command line from static/vm/manifest.json. */
export interface GuestImages {
  bios: ArrayBuffer;
  vgaBios: ArrayBuffer;
  bzImage: ArrayBuffer;
  initrd: ArrayBuffer;
  cmdline: string;
}

/**
 * The guest images, fetched when a boot first needs them: a machine that resumes the instant-start
 * state has the kernel and the initrd in its restored memory already, so the page fetches them only
 * for a boot from scratch. `initrdBytes` sizes the emulated RAM (see guestMemory) before they come.
 */
export interface GuestImageLoader {
  cmdline: string;
  initrdBytes: number;
  load(): Promise<GuestImages>;
}

/** Where v86's own wasm comes from: a path (Node) or a loader (the page). */
export type WasmSource = Pick<V86Options, 'wasm_path' | 'wasm_fn'>;

/** What a power-on needs of the engine's MachineSpec. */
export type MachinePlan = Pick<MachineSpec, 'memoryMiB' | 'disk' | 'boot'>;

export interface V86Machine extends Emulator {
  /** The v86 instance now powering the machine (a reset replaces it). */
  readonly v86: V86;
  readonly console: SerialConsole;
  /**
   * How this power-on came up: restored from the instant-start state, or booted from scratch.
   * (Optional in the type, like saveState/restoreState, so a view's fake machine need not have
   * them; createV86Machine always sets all three.)
   */
  readonly bootedFrom?: 'saved' | 'scratch';
  /** Types text on the guest's serial line (add '\n' to submit a command). */
  send(text: string): void;
}

/** What createV86Machine returns: a V86Machine with its optional members all present. */
export type V86MachineWithState = V86Machine & Required<Pick<V86Machine, 'bootedFrom' | 'saveState' | 'restoreState'>>;

export { resetLine, resumeLine } from './serial';

/**
 * Size of a new blank disk. The page holds the whole disk in memory while it exists, and every
 * saved state carries a copy of it (v86 saves the IDE disk's bytes with the machine), so it is kept
 * small: 16 MiB gives ext2 about 15 MiB for a lesson's files, and compresses to almost nothing in
 * the instant-start state. (The engine's VM has a 1 GiB disk; the emulated one is this much.)
 */
export const blankDiskBytes = 16 * 1024 * 1024;

const MiB = 1024 * 1024;
/** Where v86 0.5.462's bzImage loader puts the initrd in physical memory (a fixed address). */
const initrdAddress = 64 * MiB;

/**
 * The RAM v86 emulates and the kernel command line for a guest of `memoryMiB`. v86 copies the
 * initrd to 64 MiB, so a smaller machine could not boot at all: it gets just enough emulated RAM to
 * hold the initrd there (rounded up to 4 MiB), and `mem=` on the command line limits the kernel
 * to the reader's size (the kernel moves the initrd below that limit before unpacking it). The
 * guest then sees and uses `memoryMiB`; the page spends the larger buffer.
 */
export function guestMemory(memoryMiB: number, initrdBytes: number, cmdline: string): { memoryBytes: number; cmdline: string } {
  const wanted = memoryMiB * MiB;
  if (wanted >= initrdAddress + initrdBytes) return { memoryBytes: wanted, cmdline };
  return { memoryBytes: Math.ceil((initrdAddress + initrdBytes) / (4 * MiB)) * 4 * MiB, cmdline: `${cmdline} mem=${memoryMiB}M` };
}

/** What the guest agent answers on COM2 once its data is on the disk (scripts/vm-image/init.sh). */
const agentSynced = 'infralab: synced';
/** How long a power-off waits for the guest agent's sync. */
const syncTimeoutMs = 3000;

/** How long a power-off may take before the machine is given up on (a crashed v86 never reports stopped). */
const destroyTimeoutMs = 5000;

/**
 * v86's IDE disk, reached through its internals: v86 0.5.462 has no public call to swap a disk's
 * buffer, and restore_state replaces it with a copy of the bytes saved in the state. The data plane
 * needs the guest to write into the page's own disk.image, so after a restore it points the disk
 * back at that buffer. The path is checked, and named in the error if a v86 update moves it.
 */
type DiskBuffer = { buffer: ArrayBuffer; byteLength: number; get_state?: () => unknown[] };
function ideDisk(v: V86): DiskBuffer {
  const inner = (v as unknown as { v86?: { cpu?: { devices?: { ide?: { primary?: { master?: { buffer?: DiskBuffer } } } } } } }).v86;
  const buffer = inner?.cpu?.devices?.ide?.primary?.master?.buffer;
  if (!buffer || !(buffer.buffer instanceof ArrayBuffer))
    throw new Error('v86: no IDE disk at v86.cpu.devices.ide.primary.master.buffer (has the v86 version changed?)');
  return buffer;
}

/**
 * Points v86's IDE disk at `image`. `keepV86Bytes` (a rollback) first copies the disk bytes the state
 * brought into the image. A state saved without its disk's bytes (saveStateWithoutDiskBytes) brings
 * the disk's size only: the image is attached as it is.
 */
function attachImage(v: V86, image: ArrayBuffer, keepV86Bytes: boolean): void {
  const disk = ideDisk(v);
  if (disk.buffer === image) return;
  if (disk.byteLength !== image.byteLength) throw new Error(`the saved state has a ${disk.byteLength}-byte disk, the VM's disk has ${image.byteLength} bytes`);
  if (keepV86Bytes) {
    if (disk.buffer.byteLength !== image.byteLength) throw new Error('the saved state holds no disk bytes to roll the disk back to');
    new Uint8Array(image).set(new Uint8Array(disk.buffer));
  }
  disk.buffer = image;
  disk.byteLength = image.byteLength;
}

/**
 * v86's state of a running machine with the IDE disk's size but not its bytes. For the instant-start
 * state, saved before the guest has touched its disk: the page attaches the reader's own disk after
 * restoring, so the 16 MiB v86 would otherwise save (and a restore unpack and copy) are left out.
 * v86 0.5.462 saves a disk as [byteLength, bytes] (SyncBuffer.get_state); this disk's saves give an
 * empty array for the bytes while it lasts.
 */
export async function saveStateWithoutDiskBytes(machine: V86Machine): Promise<ArrayBuffer> {
  const disk = ideDisk(machine.v86);
  disk.get_state = () => [disk.byteLength, new Uint8Array(0)];
  try {
    return await machine.v86.save_state();
  } finally {
    delete disk.get_state;
  }
}

/**
 * One machine. `savedState` is the instant-start state for `machine.memoryMiB` (see
 * scripts/vm-image/save-state.ts): used when `machine.boot === 'saved'` and the disk has its size;
 * otherwise the machine boots from scratch. A blank disk is made, and kept in `machine.disk.image`,
 * when the disk has no image yet. `images` may be a loader: a machine that resumes needs no image
 * until a reset boots it from scratch (then they are loaded); one that boots from scratch at once
 * needs them loaded already.
 */
export function createV86Machine(
  V86Class: typeof V86,
  images: GuestImages | GuestImageLoader,
  wasm: WasmSource,
  machine: MachinePlan,
  savedState?: ArrayBuffer | null,
): V86MachineWithState {
  const disk = machine.disk;
  disk.image ??= new ArrayBuffer(blankDiskBytes);
  const image = disk.image;
  const serial = new SerialConsole();
  const onByte = (byte: number) => serial.push(byte);
  const copy = (b: ArrayBuffer) => ({ buffer: b.slice(0) });
  let loaded: GuestImages | null = 'load' in images ? null : images;
  const loader: GuestImageLoader = 'load' in images ? images : { cmdline: images.cmdline, initrdBytes: images.initrd.byteLength, load: async () => images };
  const memory = guestMemory(machine.memoryMiB, loader.initrdBytes, loader.cmdline);
  const resume = resumes(machine, savedState);
  if (!resume && !loaded) throw new Error('createV86Machine: a boot from scratch needs the guest images loaded (pass GuestImages, or await the loader first)');
  /** Settles once the current power-on runs (at once for a boot from scratch). */
  let running: Promise<void> = Promise.resolve();
  /**
   * Boots from scratch, or starts from a saved state: the instant-start one ('boot'), after which
   * the reader's disk replaces the state's blank one and init is told to go on (it waits for one
   * line), or a state saved by saveState ('rollback'), whose disk bytes are copied into the
   * reader's disk. Either way the guest writes into disk.image. If the state cannot be used, the
   * new v86 stays stopped, the console says why and `running` rejects.
   */
  const powerOn = (from?: { state: ArrayBuffer; kind: 'boot' | 'rollback' }): V86 => {
    // A restored state brings the firmware, the kernel and the initrd in its memory: v86 needs
    // them only to boot from scratch (and the page has not fetched them for a resume).
    const boot = from ? null : loaded;
    if (!from && !boot) throw new Error('v86: a boot from scratch without the guest images');
    const v = new V86Class({
      ...wasm,
      ...(boot ? { bios: copy(boot.bios), vga_bios: copy(boot.vgaBios), bzimage: copy(boot.bzImage), initrd: copy(boot.initrd), cmdline: memory.cmdline } : {}),
      // v86 writes the guest's sectors into this very buffer (its SyncBuffer keeps a view on it),
      // so the page's disk.image is the disk: nothing to copy back at power-off.
      hda: { buffer: image },
      ...(from ? { initial_state: { buffer: from.state } } : {}),
      // COM2 carries the guest agent's line (init.sh): sync before a power cut.
      uart1: true,
      memory_size: memory.memoryBytes,
      vga_memory_size: 2 * 1024 * 1024,
      autostart: !from,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
    });
    v.add_listener('serial0-output-byte', onByte);
    running = !from
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const loaded = () => {
            v.remove_listener('emulator-loaded', loaded);
            try {
              // restore_state gave v86's disk a copy of the state's bytes; the CPU has not run yet.
              attachImage(v, image, from.kind === 'rollback');
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
              return; // the machine stays stopped
            }
            if (from.kind === 'boot') serial.push(resumeLine);
            v.run().then(() => {
              // The line init waits for carries the time: the state's clock stopped when it was saved.
              if (from.kind === 'boot') v.serial0_send(`${Math.floor(Date.now() / 1000)}\n`);
              resolve();
            }, reject);
          };
          v.add_listener('emulator-loaded', loaded);
        });
    running.catch((error: Error) => serial.push(`\n[infralab: the saved state could not be used: ${error.message}]\n`));
    return v;
  };
  /**
   * Asks the guest agent to write its dirty data to the disk and waits for its answer, or gives
   * up after `syncTimeoutMs` (the guest may still be booting, or hung): the page's power cut then
   * loses what the guest had not written yet, as a real one would.
   */
  const syncGuest = (v: V86): Promise<boolean> =>
    new Promise((resolve) => {
      let heard = '';
      const onAgent = (byte: number) => {
        heard += String.fromCharCode(byte);
        if (heard.includes(agentSynced)) done(true);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        v.remove_listener('serial1-output-byte', onAgent);
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), syncTimeoutMs);
      v.add_listener('serial1-output-byte', onAgent);
      v.serial_send_bytes(1, new TextEncoder().encode('sync\n'));
    });
  const powerOff = async (v: V86): Promise<void> => {
    if (v.is_running()) await syncGuest(v);
    v.remove_listener('serial0-output-byte', onByte);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([v.destroy().catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, destroyTimeoutMs)))]);
    clearTimeout(timer);
  };
  let v86 = powerOn(resume ? { state: savedState, kind: 'boot' } : undefined);
  let destroyed = false;
  return {
    get v86() {
      return v86;
    },
    console: serial,
    bootedFrom: resume ? 'saved' : 'scratch',
    send(text: string) {
      if (!destroyed) v86.serial0_send(text);
    },
    /**
     * A hard reset: RAM is cleared and the machine comes up again on the same disk, the way the
     * reader asks for power-ons (`boot`, default: how this machine first came up). From scratch
     * runs firmware, kernel and init again (the images are fetched first if they were not); an
     * instant start resumes the state saved during boot, as a start does. v86 0.5.462's own
     * restart() (cpu.reboot_internal) crashed the wasm core ("RuntimeError: unreachable") after a
     * bzImage boot, so a reset powers a fresh v86 on with the same memory size and disk.
     */
    async restart(options: { boot?: BootMode } = {}) {
      if (destroyed) return;
      const old = v86;
      serial.push(resetLine);
      const again = resumes({ ...machine, boot: options.boot ?? (resume ? 'saved' : 'scratch') }, savedState);
      if (!again) loaded ??= await loader.load();
      await powerOff(old);
      if (destroyed) return;
      v86 = again ? powerOn({ state: savedState!, kind: 'boot' }) : powerOn();
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      serial.abort('the machine was powered off');
      await powerOff(v86);
    },
    /**
     * CPU, RAM, devices and the disk's bytes at one instant (v86 saves the IDE disk with the
     * machine, and the CPU does not run while it saves), so a restore brings back a disk that
     * matches what the guest's memory believes is on it. Costs the disk's size on top of RAM.
     */
    async saveState() {
      if (destroyed) throw new Error('saveState: the machine is powered off');
      return v86.save_state();
    },
    /**
     * Rolls the machine back to `state`, disk included: the state's disk bytes are copied into
     * disk.image, which stays the buffer the guest writes to. Done by powering a new v86 on from
     * the state: restore_state into the running v86 0.5.462 left the guest silent (no serial
     * output afterwards). Only a state of this machine (same images, memory and disk size) fits.
     */
    async restoreState(state: ArrayBuffer) {
      if (destroyed) throw new Error('restoreState: the machine is powered off');
      const old = v86;
      await powerOff(old);
      v86 = powerOn({ state, kind: 'rollback' });
      await running;
    },
  };
}

/**
 * Whether a power-on of `machine` resumes `savedState` rather than booting from scratch. The
 * instant-start states are saved with a blank disk of blankDiskBytes, and v86 keeps the disk's
 * geometry in the state: a disk of another size (made elsewhere) boots from scratch instead.
 */
export function resumes(machine: MachinePlan, savedState: ArrayBuffer | null | undefined): savedState is ArrayBuffer {
  const size = machine.disk.image?.byteLength ?? blankDiskBytes;
  return machine.boot === 'saved' && savedState != null && savedState.byteLength > 0 && size === blankDiskBytes;
}

/**
 * The kernel command line of the machine the instant-start state is saved from: its init stops
 * before the disk, and `init_on_free=1` has the kernel zero every page it frees, so the memory
 * left over from unpacking the kernel and the initrd is zeros, which v86 leaves out of a state
 * (it saves non-zero pages only).
 */
export function snapshotCmdline(cmdline: string): string {
  return `${cmdline} init_on_free=1 ${snapshotCmdlineFlag}`;
}
