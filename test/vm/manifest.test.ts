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
import { bzImageVersion, parseFragment, unmetOptions } from '../../scripts/vm-image/kernel';
import { stateMismatch, type StateRecord } from '../../scripts/vm-image/state-manifest';
import { unpackDiskBlocks, zstdContentSize } from '../../src/vm/state-file';
import { blankDiskBytes } from '../../src/vm/v86-emulator';

const dir = join(__dirname, '..', '..', 'static', 'vm');
type Manifest = {
  cmdline: string;
  memoryMiB: number;
  emulator: { name: string; version: string };
  packages: Array<{
    name: string;
    version: string;
    arch: string;
    licence: string;
    source: string;
    builtUsing: Array<{ name: string; version: string; source: string }>;
  }>;
  files: Array<{ path: string; sha256: string; bytes: number; from: string }>;
  kernel: {
    release: string;
    sourcePackage: string;
    sourceVersion: string;
    source: string;
    licence: string;
    configFragment: string;
    configFragmentSha256: string;
    config: string;
    compiler: string;
    buildTimestamp: string;
  };
  states?: StateRecord[];
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
    const shipped = listFiles(dir)
      .map((p) => relative(dir, p).split('\\').join('/'))
      .filter((p) => p !== 'manifest.json')
      .sort();
    expect(shipped).toEqual(manifest.files.map((f) => f.path).sort());
    for (const needed of ['bzImage', 'initrd.img', 'bios.bin', 'vgabios.bin']) expect(shipped).toContain(needed);
  });

  it('keeps the images small (under 15 MB, saved states apart)', () => {
    const states = new Set((manifest.states ?? []).map((s) => s.path));
    const total = manifest.files.filter((f) => !states.has(f.path)).reduce((s, f) => s + f.bytes, 0);
    expect(total).toBeLessThan(15_000_000);
  });

  it('names each Debian package with version, architecture, licence and where its source is', () => {
    const names = manifest.packages.map((p) => p.name);
    expect(names).toContain('linux-source-6.1');
    expect(names).toContain('busybox-static');
    expect(names).toContain('seabios');
    for (const p of manifest.packages) {
      expect(p.version).toMatch(/^\S+$/);
      expect(['i386', 'all']).toContain(p.arch);
      expect(p.licence).toMatch(/GPL/);
      expect(p.source).toMatch(/^https:\/\/sources\.debian\.org\/src\/[a-z0-9.+-]+\/[^/]+\/$/);
      for (const b of p.builtUsing) expect(b.source).toMatch(/^https:\/\/sources\.debian\.org\/src\//);
    }
    for (const p of manifest.packages) expect(manifest.files.some((f) => f.path === `licences/${p.name}.copyright`)).toBe(true);
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

describe('the kernel', () => {
  const root = join(__dirname, '..', '..');
  const fragmentText = readFileSync(join(root, manifest.kernel.configFragment), 'utf8');

  it('was built from the committed config fragment (else run `npm run vm:image`)', () => {
    expect(createHash('sha256').update(fragmentText).digest('hex')).toBe(manifest.kernel.configFragmentSha256);
  });

  it('has every option of the fragment in the shipped full config', () => {
    const config = readFileSync(join(dir, manifest.kernel.config), 'utf8');
    expect(unmetOptions(parseFragment(fragmentText), config)).toEqual([]);
    // What the guest needs built in: no module could load it.
    for (const o of [
      'CONFIG_ATA_PIIX=y',
      'CONFIG_BLK_DEV_SD=y',
      'CONFIG_EXT2_FS=y',
      'CONFIG_SERIAL_8250_CONSOLE=y',
      'CONFIG_DEVTMPFS=y',
      'CONFIG_BINFMT_SCRIPT=y',
    ])
      expect(config.split('\n')).toContain(o);
    expect(config).toContain('# CONFIG_MODULES is not set');
  });

  it('is the bzImage the manifest describes: its release and build identity are in its setup header', () => {
    const version = bzImageVersion(readFileSync(join(dir, 'bzImage')));
    expect(version.startsWith(`${manifest.kernel.release} (infralab@infralab)`)).toBe(true);
    expect(version).toContain(manifest.kernel.buildTimestamp);
    expect(manifest.kernel.release.startsWith(manifest.kernel.sourceVersion.split('-')[0])).toBe(true);
  });

  it('names its exact source, licence and compiler', () => {
    const pkg = manifest.packages.find((p) => p.name === manifest.kernel.sourcePackage)!;
    expect(pkg.version).toBe(manifest.kernel.sourceVersion);
    expect(manifest.kernel.source).toBe(`https://sources.debian.org/src/linux/${manifest.kernel.sourceVersion}/`);
    expect(manifest.kernel.licence).toBe('GPL-2.0-only');
    expect(manifest.kernel.compiler).toMatch(/^gcc /);
    const readme = readFileSync(join(dir, 'licences', 'README.txt'), 'utf8');
    expect(readme).toContain(`compiled from Debian's ${pkg.name} ${pkg.version}`);
    expect(readme).toContain('state-*.bin.zst');
    expect(readme).toContain('disk-for-state-*.blocks.gz');
  });

  it('needs no modules: the initrd has none and init loads none', () => {
    const entries = readCpio(gunzipSync(readFileSync(join(dir, 'initrd.img'))));
    expect(entries.filter((e) => e.name.startsWith('lib/modules/'))).toEqual([]);
    expect(readFileSync(join(root, 'scripts', 'vm-image', 'init.sh'), 'utf8')).not.toMatch(/insmod|modprobe/);
  });
});

describe('the instant-start states', () => {
  const states = manifest.states ?? [];

  it('include one for the default 64 MiB machine', () => {
    expect(states.map((s) => s.memoryMiB)).toContain(64);
  });

  it.each(states.map((s) => [s.path, s] as const))('%s belongs to the shipped v86 and images (else run `npm run vm:state`)', (_path, s) => {
    expect(stateMismatch(s, manifest)).toBeNull();
    const data = readFileSync(join(dir, s.path));
    expect(data.length).toBe(s.bytes);
    expect(createHash('sha256').update(data).digest('hex')).toBe(s.sha256);
    // One zstd frame that declares its size (v86 restores it as it is); the size is v86's raw state.
    expect(zstdContentSize(data)).toBe(s.rawBytes);
    expect(s.licence).toMatch(/GPL-2\.0-only.*licences\/README\.txt/);
  });

  it.each(states.map((s) => [s.path, s] as const))('%s comes with the formatted disk of an instant start, a blank disk once decompressed', (_path, s) => {
    expect(s.disk).toBeDefined();
    const data = readFileSync(join(dir, s.disk!.path));
    expect(data.length).toBe(s.disk!.bytes);
    expect(createHash('sha256').update(data).digest('hex')).toBe(s.disk!.sha256);
    const raw = Buffer.from(unpackDiskBlocks(gunzipSync(data), s.disk!.rawBytes));
    expect(raw.length).toBe(blankDiskBytes);
    // ext2's magic number 0xEF53 at byte 56 of the superblock (which starts at 1024).
    expect(raw.readUInt16LE(1024 + 56)).toBe(0xef53);
  });

  it('tells which image a stale state was saved from', () => {
    const s = states[0];
    const stale = { ...s, images: { ...s.images, 'initrd.img': '0'.repeat(64) } };
    expect(stateMismatch(stale, manifest)).toMatch(/saved from another initrd\.img/);
    expect(stateMismatch({ ...s, v86: '0.0.1' }, manifest)).toMatch(/saved with v86 0\.0\.1/);
    expect(stateMismatch({ ...s, cmdline: 'console=ttyS0' }, manifest)).toMatch(/saved booting `console=ttyS0`/);
  });

  it('stay within the budget for states: with v86 (~2.5 MB), an instant start fetches at most 5 MB', () => {
    const v86 = ['v86.wasm', 'libv86.mjs'].reduce((t, p) => t + manifest.files.find((f) => f.path === p)!.bytes, 0);
    for (const s of states) expect(v86 + s.bytes + (s.disk?.bytes ?? 0)).toBeLessThan(5_000_000);
  });
});
