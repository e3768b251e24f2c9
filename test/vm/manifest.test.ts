/**
 * The guest images shipped in static/vm/ are exactly what the manifest says `npm run vm:image`
 * built: same files, sizes and sha256. Needs no apt and no network.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCpio } from '../../scripts/vm-image/cpio';

const dir = join(__dirname, '..', '..', 'static', 'vm');
type Manifest = {
  cmdline: string;
  memoryMiB: number;
  emulator: { name: string; version: string };
  packages: Array<{ name: string; version: string; arch: string; licence: string; source: string; builtUsing: Array<{ name: string; version: string; source: string }> }>;
  files: Array<{ path: string; sha256: string; bytes: number; from: string }>;
};
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function listFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? listFiles(join(d, n)) : [join(d, n)]));
}

describe('static/vm/manifest.json', () => {
  it.each(manifest.files.map((f) => [f.path, f] as const))('%s has the size and sha256 the manifest records', (path, f) => {
    const data = readFileSync(join(dir, path));
    expect(data.length).toBe(f.bytes);
    expect(createHash('sha256').update(data).digest('hex')).toBe(f.sha256);
    expect(f.from).not.toBe('');
  });

  it('lists every shipped file, and nothing is missing', () => {
    const shipped = listFiles(dir).map((p) => relative(dir, p).split('\\').join('/')).filter((p) => p !== 'manifest.json').sort();
    expect(shipped).toEqual(manifest.files.map((f) => f.path).sort());
    for (const needed of ['bzImage', 'initrd.img', 'bios.bin', 'vgabios.bin']) expect(shipped).toContain(needed);
  });

  it('keeps the images small (under 15 MB)', () => {
    const total = manifest.files.reduce((s, f) => s + f.bytes, 0);
    expect(total).toBeLessThan(15_000_000);
  });

  it('names each Debian package with version, architecture, licence and where its source is', () => {
    const names = manifest.packages.map((p) => p.name);
    expect(names).toContain('linux-image-686');
    expect(names).toContain('busybox-static');
    expect(names).toContain('seabios');
    expect(names.some((n) => /^linux-image-\d.*-686$/.test(n))).toBe(true);
    for (const p of manifest.packages) {
      expect(p.version).toMatch(/^\S+$/);
      expect(['i386', 'all']).toContain(p.arch);
      expect(p.licence).toMatch(/GPL/);
      expect(p.source).toMatch(/^https:\/\/sources\.debian\.org\/src\/[a-z0-9.+-]+\/[^/]+\/$/);
      for (const b of p.builtUsing) expect(b.source).toMatch(/^https:\/\/sources\.debian\.org\/src\//);
    }
    for (const p of manifest.packages.filter((x) => x.name !== 'linux-image-686')) expect(manifest.files.some((f) => f.path === `licences/${p.name}.copyright`)).toBe(true);
  });

  it('records the kernel command line and the emulator', () => {
    expect(manifest.cmdline).toContain('console=ttyS0');
    expect(manifest.emulator.name).toBe('v86');
    const installed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', 'v86', 'package.json'), 'utf8')) as { version: string };
    expect(manifest.emulator.version).toBe(installed.version);
  });

  it.each(['v86.wasm', 'libv86.mjs'])('serves the %s of the installed v86 (run `npm run vm:image` after updating v86)', (name) => {
    const installed = readFileSync(join(__dirname, '..', '..', 'node_modules', 'v86', 'build', name));
    expect(createHash('sha256').update(installed).digest('hex')).toBe(manifest.files.find((f) => f.path === name)!.sha256);
  });
});

describe('the initrd', () => {
  const entries = readCpio(gunzipSync(readFileSync(join(dir, 'initrd.img'))));
  const byName = new Map(entries.map((e) => [e.name, e]));

  it('holds busybox, an executable /init and a console device', () => {
    expect(byName.get('bin/busybox')!.data.length).toBeGreaterThan(1_000_000);
    expect(byName.get('bin/busybox')!.mode & 0o111).not.toBe(0);
    const init = byName.get('init')!;
    expect(init.mode & 0o170000).toBe(0o100000);
    expect(init.mode & 0o111).not.toBe(0);
    expect(init.data.toString()).toMatch(/^#!\/bin\/busybox sh/);
    expect(init.data.toString()).toContain('mount -t devtmpfs');
    const consoleNode = byName.get('dev/console')!;
    expect(consoleNode.mode & 0o170000).toBe(0o020000);
    expect(consoleNode.rdev).toEqual([5, 1]);
  });

  it('carries the init script of scripts/vm-image unchanged', () => {
    expect(byName.get('init')!.data.toString()).toBe(readFileSync(join(__dirname, '..', '..', 'scripts', 'vm-image', 'init.sh'), 'utf8'));
  });
});
