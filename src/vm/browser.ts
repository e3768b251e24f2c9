/**
 * Loads the in-page machine on demand: the manifest, the guest images and v86 itself, all from
 * static/vm/ (served at `base`), so nothing of the emulator is in a page's bundle and nothing is
 * downloaded until the reader presses Start. v86's module is imported at run time, past the bundler:
 * Rspack cannot build its Node-only branches (`import("node:fs/promises")`, `node:crypto`).
 */
import type { EmulatorFactory } from './controller';
import { createV86Machine, type GuestImages, type V86Machine } from './v86-emulator';

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

type Manifest = { cmdline: string; files: Array<{ path: string; bytes: number }> };

const guestFiles = ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img'] as const;

/** `base` is the URL of static/vm/ as served, with a trailing slash (useBaseUrl('/vm/')). */
export async function loadMachineFactory(base: string, onProgress?: (p: LoadProgress) => void): Promise<EmulatorFactory<V86Machine>> {
  const manifest = (await (await ok(fetch(`${base}manifest.json`))).json()) as Manifest;
  const size = (path: string) => manifest.files.find((f) => f.path === path)?.bytes ?? 0;
  const totalBytes = [...guestFiles, 'v86.wasm'].reduce((s, f) => s + size(f), 0);
  let loadedBytes = 0;
  const get = async (path: string): Promise<ArrayBuffer> => {
    const data = await (await ok(fetch(`${base}${path}`))).arrayBuffer();
    loadedBytes += data.byteLength;
    onProgress?.({ loadedBytes, totalBytes });
    return data;
  };
  onProgress?.({ loadedBytes, totalBytes });
  const v86Module = import(/* webpackIgnore: true */ `${base}libv86.mjs`) as Promise<typeof import('v86')>;
  const [{ V86 }, wasmBytes, bios, vgaBios, bzImage, initrd] = await Promise.all([v86Module, get('v86.wasm'), ...guestFiles.map(get)]);
  const images: GuestImages = { bios, vgaBios, bzImage, initrd, cmdline: manifest.cmdline };
  const wasmModule = await WebAssembly.compile(wasmBytes);
  const wasm_fn = async (imports: WebAssembly.Imports) => (await WebAssembly.instantiate(wasmModule, imports)).exports;
  return (spec) => createV86Machine(V86, images, { wasm_fn }, spec);
}

async function ok(response: Promise<Response>): Promise<Response> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
  return r;
}
