/**
 * The manifest of static/vm/ as the page reads it, and the first requests of a machine's load: kept
 * apart from ./browser (which brings the machine's code) so that a panel can start the downloads the
 * moment the reader presses Start, while that code is still on its way.
 */
import type { MachineSpec } from './controller';

export type FileRecord = { path: string; bytes: number; sha256: string };
export type StateRecord = {
  memoryMiB: number;
  path: string;
  bytes: number;
  rawBytes: number;
  v86: string;
  cmdline?: string;
  disk?: { path: string; bytes: number; rawBytes: number };
  images: Record<string, string>;
};
export type Manifest = { cmdline: string; emulator: { version: string }; files: FileRecord[]; states?: StateRecord[] };

/** The instant-start state of a memory size, as `npm run vm:state` names it. */
export function statePath(memoryMiB: number): string {
  return `state-${memoryMiB}M.bin.zst`;
}

/** The formatted new disk saved with that state (its non-zero blocks, gzip'd). */
export function stateDiskPath(memoryMiB: number): string {
  return `disk-for-state-${memoryMiB}M.blocks.gz`;
}

/** A gzip'd file needs DecompressionStream (before Safari 16.4 there is none); a zstd one does not. */
export const canGunzip = typeof DecompressionStream !== 'undefined';

/**
 * Whether a state was saved from exactly the images and v86 of this manifest. (The full check, with
 * the reason, is scripts/vm-image/state-manifest.ts, used by the tests; the page only needs yes/no
 * and does not import build scripts.) A stale state is skipped: the machine boots from scratch.
 */
function stateFits(state: StateRecord, manifest: Manifest): boolean {
  if (state.v86 !== manifest.emulator.version) return false;
  if (state.cmdline !== undefined && state.cmdline !== manifest.cmdline) return false;
  return Object.entries(state.images).every(([path, sha]) => manifest.files.some((f) => f.path === path && f.sha256 === sha));
}

/** The instant-start states this browser can use. */
export function usableStates(manifest: Manifest): StateRecord[] {
  return (manifest.states ?? []).filter((s) => stateFits(s, manifest) && (canGunzip || !s.path.endsWith('.gz')));
}

/** The manifest of static/vm/ as served at `base` (a URL with a trailing slash). */
export async function fetchManifest(base: string): Promise<Manifest> {
  return (await (await ok(fetch(`${base}manifest.json`))).json()) as Manifest;
}

/** The response, or an error naming the URL and the HTTP status. */
export async function ok(response: Promise<Response>): Promise<Response> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
  return r;
}

/** A load's first requests, made before the code that reads them has arrived. */
export interface StartedLoad {
  /** Settles once the files the manifest names for `first` have been asked for too. */
  manifest: Promise<Manifest>;
  /** v86's module, imported at run time past the bundler (its Node-only branches do not build). */
  v86: Promise<typeof import('v86')>;
  /** The response of a file asked for here, handed out once; undefined if it was not asked for. */
  take(path: string): Promise<Response> | undefined;
}

/**
 * Asks at once for what every load needs (the manifest, v86 and its wasm) and what `first` needs on
 * top: for an instant start on a new disk, its state and that state's formatted disk, by the names
 * `npm run vm:state` gives them. The manifest then says whether those are the ones to use: any it
 * does not name as a usable state of that size is cancelled (and the right one, if any, asked for).
 * Nothing is read here: ./browser takes the responses. Asking before the manifest has come saves
 * the wait for it, and for whatever the page's main thread does meanwhile (the panel renders at Start).
 */
export function startLoad(base: string, first?: MachineSpec): StartedLoad {
  const asked = new Map<string, { response: Promise<Response>; abort: AbortController }>();
  const ask = (path: string) => {
    if (asked.has(path)) return;
    const abort = new AbortController();
    const response = fetch(`${base}${path}`, { signal: abort.signal });
    response.catch(() => undefined); // reported where it is taken
    asked.set(path, { response, abort });
  };
  const cancel = (path: string) => {
    asked.get(path)?.abort.abort();
    asked.delete(path);
  };
  ask('v86.wasm');
  const v86 = import(/* webpackIgnore: true */ `${base}libv86.mjs`) as Promise<typeof import('v86')>;
  v86.catch(() => undefined); // reported where it is awaited
  const instant = first?.boot === 'saved' && !first.disk.image ? first.memoryMiB : null;
  const guessed = instant === null ? [] : [statePath(instant), ...(canGunzip ? [stateDiskPath(instant)] : [])];
  for (const path of guessed) ask(path);
  const manifest = fetchManifest(base).then(
    (m) => {
      const record = instant === null ? undefined : usableStates(m).find((s) => s.memoryMiB === instant);
      const wanted = record ? [record.path, ...(record.disk && canGunzip ? [record.disk.path] : [])] : [];
      for (const path of guessed) if (!wanted.includes(path)) cancel(path);
      for (const path of wanted) ask(path);
      return m;
    },
    (error: unknown) => {
      for (const path of guessed) cancel(path);
      throw error;
    },
  );
  manifest.catch(() => undefined); // reported where it is awaited
  return {
    manifest,
    v86,
    take(path) {
      const response = asked.get(path)?.response;
      asked.delete(path);
      return response;
    },
  };
}
