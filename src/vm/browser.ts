/**
 * Loads the in-page machine on demand: the manifest and v86 itself, from static/vm/ (served at
 * `base`), so nothing of the emulator is in a page's bundle and nothing is downloaded until the
 * reader presses Start. What a power-on needs on top comes with it: an instant start fetches the
 * saved state only (its memory holds the kernel and the initrd), a boot from scratch the firmware,
 * kernel and initrd; each is fetched once and kept for the next power-ons. v86's module is
 * imported at run time, past the bundler: Rspack cannot build its Node-only branches
 * (`import("node:fs/promises")`, `node:crypto`).
 */
import type { EmulatorFactory, MachineSpec } from './controller';
import { canGunzip, ok, startLoad, usableStates, type StartedLoad } from './manifest';
import { gunzipped, stateForV86, unpackDiskBlocks } from './state-file';
import { createV86Machine, resumes, type GuestImageLoader, type GuestImages, type V86Machine } from './v86-emulator';

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

/** The factory, plus what the page shows about the download. */
export type MachineFactory = EmulatorFactory<V86Machine> & {
  /** Bytes fetched so far (compressed, as they came over the network), images and states. */
  readonly fetchedBytes: number;
  /** The memory sizes (MiB) that have an instant-start state; others boot from scratch. */
  readonly savedStateMemoryMiB: readonly number[];
};

const guestFiles = ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img'] as const;

export interface LoadOptions {
  /** The power-on the load is for: its saved state (and new disk) are fetched beside v86 instead of after it. */
  first?: MachineSpec;
  /** The requests startLoad made (with the same `first`) before this module arrived: used, not made again. */
  started?: StartedLoad;
}

/** `base` is the URL of static/vm/ as served, with a trailing slash (useBaseUrl('/vm/')). */
export async function loadMachineFactory(base: string, onProgress?: (p: LoadProgress) => void, options: LoadOptions = {}): Promise<MachineFactory> {
  const { first } = options;
  const started = options.started ?? startLoad(base, first);
  const manifest = await started.manifest;
  const size = (path: string) => manifest.files.find((f) => f.path === path)?.bytes ?? 0;
  let totalBytes = size('v86.wasm');
  let loadedBytes = 0;
  /** While bytes arrive, at most one report per 100 ms (each is a render of the panel); at once when a file is complete. */
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const reportNow = () => {
    clearTimeout(reportTimer);
    reportTimer = undefined;
    onProgress?.({ loadedBytes, totalBytes });
  };
  const report = () => {
    reportTimer ??= setTimeout(reportNow, 100);
  };
  /** The response's body, counted chunk by chunk as it arrives. */
  const counted = async (path: string): Promise<Response> => {
    const response = await ok(started.take(path) ?? fetch(`${base}${path}`));
    if (!response.body) {
      const data = await response.arrayBuffer();
      loadedBytes += data.byteLength;
      reportNow();
      return new Response(data, { headers: response.headers });
    }
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          loadedBytes += chunk.byteLength;
          report();
          controller.enqueue(chunk);
        },
        flush: reportNow,
      }),
    );
    return new Response(body, { headers: response.headers });
  };
  const download = async (path: string): Promise<ArrayBuffer> => (await counted(path)).arrayBuffer();
  report();
  /** The firmware, kernel and initrd: fetched on the first boot from scratch only, then kept. */
  let fetchedImages: Promise<GuestImages> | null = null;
  const images: GuestImageLoader = {
    cmdline: manifest.cmdline,
    initrdBytes: size('initrd.img'),
    load() {
      if (!fetchedImages) {
        totalBytes += guestFiles.reduce((s, f) => s + size(f), 0);
        report();
        fetchedImages = Promise.all(guestFiles.map(download)).then(([bios, vgaBios, bzImage, initrd]) => ({
          bios,
          vgaBios,
          bzImage,
          initrd,
          cmdline: manifest.cmdline,
        }));
        fetchedImages.catch(() => (fetchedImages = null));
      }
      return fetchedImages;
    },
  };

  const states = usableStates(manifest);
  const fetchedStates = new Map<number, Promise<ArrayBuffer>>();
  /** The state for a memory size, fetched once; a failed fetch may be tried again. */
  const savedState = (memoryMiB: number): Promise<ArrayBuffer> | undefined => {
    const record = states.find((s) => s.memoryMiB === memoryMiB);
    if (!record) return undefined;
    let pending = fetchedStates.get(memoryMiB);
    if (!pending) {
      totalBytes += record.bytes;
      pending = download(record.path).then((data) => stateForV86(data, record));
      pending.catch(() => fetchedStates.delete(memoryMiB));
      fetchedStates.set(memoryMiB, pending);
    }
    return pending;
  };

  let fetchedDisk: Promise<Uint8Array | null> | null = null;
  /**
   * The formatted empty disk saved with a state (see scripts/vm-image/save-state.ts), as its non-zero
   * blocks, fetched once; each call makes a new image of them. Null when there is none or it cannot
   * be read: the guest then formats the blank disk itself.
   */
  const formattedDisk = async (memoryMiB: number): Promise<ArrayBuffer | null> => {
    const record = states.find((s) => s.memoryMiB === memoryMiB)?.disk;
    if (!record || !canGunzip) return null;
    if (!fetchedDisk) {
      totalBytes += record.bytes;
      fetchedDisk = download(record.path)
        .then((data) => gunzipped(data))
        .then((raw) => new Uint8Array(raw))
        .catch(() => ((fetchedDisk = null), null));
    }
    const blocks = await fetchedDisk;
    if (!blocks) return null;
    try {
      return unpackDiskBlocks(blocks, record.rawBytes, record.path);
    } catch {
      return null;
    }
  };

  if (first?.boot === 'saved' && !first.disk.image) {
    savedState(first.memoryMiB)?.catch(() => undefined);
    formattedDisk(first.memoryMiB).catch(() => undefined);
  }
  // Compiled while it downloads, where the server labels it application/wasm.
  const compileWasm = async (): Promise<WebAssembly.Module> => {
    const response = await counted('v86.wasm');
    if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.startsWith('application/wasm'))
      return WebAssembly.compileStreaming(response);
    return WebAssembly.compile(await response.arrayBuffer());
  };
  const [{ V86 }, compiled] = await Promise.all([started.v86, compileWasm()]);
  const wasm_fn = async (imports: WebAssembly.Imports) => (await WebAssembly.instantiate(compiled, imports)).exports;

  const factory = async (spec: MachineSpec) => {
    const [state, disk] =
      spec.boot === 'saved' ? await Promise.all([savedState(spec.memoryMiB), spec.disk.image ? null : formattedDisk(spec.memoryMiB)]) : [undefined, null];
    // A new disk of an instant start comes formatted: the resumed guest mounts it at once.
    if (disk && !spec.disk.image && resumes(spec, state)) spec.disk.image = disk;
    return createV86Machine(V86, resumes(spec, state) ? images : await images.load(), { wasm_fn }, spec, state);
  };
  return Object.defineProperties(factory, {
    fetchedBytes: { get: () => loadedBytes, enumerable: true },
    savedStateMemoryMiB: { value: states.map((s) => s.memoryMiB), enumerable: true },
  }) as MachineFactory;
}
