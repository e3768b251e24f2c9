/**
 * How the manifest records an instant-start state: which file, and exactly which emulator and
 * images it was saved from. A v86 state is only valid for the same v86 build, firmware, kernel,
 * initrd and memory size; the page and the tests compare these before using one.
 */

export interface StateRecord {
  memoryMiB: number;
  /** The zstd-compressed state, in static/vm/. */
  path: string;
  bytes: number;
  sha256: string;
  /** Size once decompressed (what v86 restores). */
  rawBytes: number;
  /** The v86 version it was saved with (manifest.emulator.version at the time). */
  v86: string;
  /** The kernel command line it booted with (manifest.cmdline at the time): the state holds that boot. */
  cmdline: string;
  /**
   * The new disk of an instant start: the blank disk after the same machine's init formatted it
   * (its non-zero blocks, gzip'd: packDiskBlocks), so that a resumed machine mounts it instead of formatting one.
   */
  disk?: { path: string; bytes: number; sha256: string; rawBytes: number };
  /** sha256 of the files it was saved from, by path. */
  images: Record<string, string>;
  /** A memory image of the guest running those files: their licences apply (licences/README.txt). */
  licence: string;
}

/** The files a state depends on: the firmware, kernel and initrd it booted, and v86's wasm core. */
export const stateDependsOn = ['bios.bin', 'vgabios.bin', 'bzImage', 'initrd.img', 'v86.wasm', 'libv86.mjs'] as const;

// The files' names, which the page also asks for by name before the manifest has come.
export { stateDiskPath, statePath } from '../../src/vm/manifest';

/** The current hashes of what a state depends on, from the manifest's file list. */
export function stateImages(manifest: { files: Array<{ path: string; sha256: string }> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of stateDependsOn) {
    const f = manifest.files.find((x) => x.path === p);
    if (!f) throw new Error(`manifest.json lists no ${p}: run \`npm run vm:image\` first`);
    out[p] = f.sha256;
  }
  return out;
}

/**
 * Why `state` cannot be used with the manifest's images, or null when it can: a different v86
 * version or a changed image means the state must be saved again (`npm run vm:state`).
 */
export function stateMismatch(
  state: StateRecord,
  manifest: { cmdline: string; emulator: { version: string }; files: Array<{ path: string; sha256: string }> },
): string | null {
  if (state.v86 !== manifest.emulator.version) return `${state.path} was saved with v86 ${state.v86}, the images are for v86 ${manifest.emulator.version}`;
  if (state.cmdline !== manifest.cmdline) return `${state.path} was saved booting \`${state.cmdline}\`, the manifest's command line is \`${manifest.cmdline}\``;
  const now = stateImages(manifest);
  for (const p of stateDependsOn)
    if (state.images[p] !== now[p])
      return `${state.path} was saved from another ${p} (sha256 ${String(state.images[p]).slice(0, 12)}, shipped ${now[p].slice(0, 12)})`;
  return null;
}
