/**
 * Loads the in-page machine on demand: the manifest, the guest images and v86 itself, all from
 * static/vm/ (served at `base`), so nothing of the emulator is in a page's bundle and nothing is
 * downloaded until the reader presses Start. v86's module is imported at run time, past the bundler:
 * Rspack cannot build its Node-only branches (`import("node:fs/promises")`, `node:crypto`).
 * The instant-start state of a memory size is fetched later still, on the first power-on that asks
 * for it (MachineSpec.boot === 'saved'), and kept for the next ones.
 */
import type { EmulatorFactory, MachineSpec } from './controller';
import { createV86Machine, type GuestImages, type V86Machine } from './v86-emulator';

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

type FileRecord = { path: string; bytes: number; sha256: string };
type StateRecord = { memoryMiB: number; path: string; bytes: number; rawBytes: number; v86: string; images: Record<string, string> };
type Manifest = { cmdline: string; emulator: { version: string }; files: FileRecord[]; states?: StateRecord[] };

const guestFiles = ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img'] as const;

/**
 * Whether a state was saved from exactly the images and v86 of this manifest. (The full check, with
 * the reason, is scripts/vm-image/state-manifest.ts, used by the tests; the page only needs yes/no
 * and does not import build scripts.) A stale state is skipped: the machine boots from scratch.
 */
function stateFits(state: StateRecord, manifest: Manifest): boolean {
  if (state.v86 !== manifest.emulator.version) return false;
  return Object.entries(state.images).every(([path, sha]) => manifest.files.some((f) => f.path === path && f.sha256 === sha));
}

/** `base` is the URL of static/vm/ as served, with a trailing slash (useBaseUrl('/vm/')). */
export async function loadMachineFactory(base: string, onProgress?: (p: LoadProgress) => void): Promise<MachineFactory> {
  const manifest = (await (await ok(fetch(`${base}manifest.json`))).json()) as Manifest;
  const size = (path: string) => manifest.files.find((f) => f.path === path)?.bytes ?? 0;
  let totalBytes = [...guestFiles, 'v86.wasm'].reduce((s, f) => s + size(f), 0);
  let loadedBytes = 0;
  const report = () => onProgress?.({ loadedBytes, totalBytes });
  /** The response's bytes, counted chunk by chunk as they arrive. */
  const download = async (path: string): Promise<ArrayBuffer> => {
    const response = await ok(fetch(`${base}${path}`));
    if (!response.body) {
      const data = await response.arrayBuffer();
      loadedBytes += data.byteLength;
      report();
      return data;
    }
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          loadedBytes += chunk.byteLength;
          report();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted).arrayBuffer();
  };
  report();
  const v86Module = import(/* webpackIgnore: true */ `${base}libv86.mjs`) as Promise<typeof import('v86')>;
  const [{ V86 }, wasmBytes, bios, vgaBios, bzImage, initrd] = await Promise.all([v86Module, download('v86.wasm'), ...guestFiles.map(download)]);
  const images: GuestImages = { bios, vgaBios, bzImage, initrd, cmdline: manifest.cmdline };
  const wasmModule = await WebAssembly.compile(wasmBytes);
  const wasm_fn = async (imports: WebAssembly.Imports) => (await WebAssembly.instantiate(wasmModule, imports)).exports;

  // A browser without DecompressionStream (before Safari 16.4) boots every machine from scratch.
  const canGunzip = typeof DecompressionStream !== 'undefined';
  const states = canGunzip ? (manifest.states ?? []).filter((s) => stateFits(s, manifest)) : [];
  const fetchedStates = new Map<number, Promise<ArrayBuffer>>();
  /** The decompressed state for a memory size, fetched once; a failed fetch may be tried again. */
  const savedState = (memoryMiB: number): Promise<ArrayBuffer> | undefined => {
    const record = states.find((s) => s.memoryMiB === memoryMiB);
    if (!record) return undefined;
    let pending = fetchedStates.get(memoryMiB);
    if (!pending) {
      totalBytes += record.bytes;
      pending = download(record.path).then((data) => gunzip(data, record));
      pending.catch(() => fetchedStates.delete(memoryMiB));
      fetchedStates.set(memoryMiB, pending);
    }
    return pending;
  };

  const factory = async (spec: MachineSpec) => {
    const state = spec.boot === 'saved' ? await savedState(spec.memoryMiB) : undefined;
    return createV86Machine(V86, images, { wasm_fn }, spec, state);
  };
  return Object.defineProperties(factory, {
    fetchedBytes: { get: () => loadedBytes, enumerable: true },
    savedStateMemoryMiB: { value: states.map((s) => s.memoryMiB), enumerable: true },
  }) as MachineFactory;
}

/**
 * The state's bytes as v86 saved them. A server that sends the .gz with `Content-Encoding: gzip`
 * has the browser decompress it already: then the bytes do not start with gzip's magic number.
 */
async function gunzip(data: ArrayBuffer, record: StateRecord): Promise<ArrayBuffer> {
  const head = new Uint8Array(data, 0, Math.min(2, data.byteLength));
  const raw = head[0] === 0x1f && head[1] === 0x8b ? await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer() : data;
  if (raw.byteLength !== record.rawBytes) throw new Error(`${record.path}: ${raw.byteLength} bytes once decompressed, the manifest says ${record.rawBytes}`);
  return raw;
}

async function ok(response: Promise<Response>): Promise<Response> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
  return r;
}
