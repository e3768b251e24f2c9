/**
 * `npm run vm:image`: rebuilds the guest images of the in-page virtual machine from Debian packages,
 * reproducibly, and writes them with a manifest into static/vm/.
 *
 *   kernel    the bzImage of the package Debian's i386 `linux-image-686` metapackage depends on
 *   firmware  `seabios`: bios.bin and vgabios-stdvga.bin
 *   userland  `busybox-static:i386`, packed with ./init.sh into a gzip'd newc cpio initrd (./cpio.ts)
 *   modules   the IDE disk and ext2/ext4 drivers, from the same kernel package, in the initrd (./modules.ts)
 *
 * Needs apt-get, apt-cache and dpkg-deb, and the i386 package lists (see `checkApt`). The shipped
 * files are checked against the manifest by test/vm/manifest.test.ts, which needs none of that.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeCpio, type CpioEntry } from './cpio';
import { insmodOrder } from './modules';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outDir = join(root, 'static', 'vm');

/**
 * The kernel command line found to boot fast under v86; the engine's VM boots with exactly this.
 * `lockdown=confidentiality` turns tracefs off: Linux 6.1 otherwise gives every trace event a
 * dentry and inodes at boot, ~6 MB of the 64 MiB guest's slab, which the instant-start state would
 * carry (1 MB more compressed). The guest then also refuses /dev/mem, /proc/kcore and unsigned
 * modules; Debian's modules are signed and load.
 */
export const cmdline = 'console=ttyS0 tsc=reliable mitigations=off random.trust_cpu=on quiet cryptomgr.notests noisapnp pnpbios=off lockdown=confidentiality';

/** Licences by Debian source package, as their debian/copyright files state (shipped beside the images). */
const licences: Record<string, string> = {
  'linux-signed-i386': 'GPL-2.0-only',
  linux: 'GPL-2.0-only',
  busybox: 'GPL-2.0-only',
  seabios: 'LGPL-3.0 (a few files LGPL-2.0, LGPL or CPL, or public domain: see licences/seabios.copyright)',
  glibc: 'LGPL-2.1-or-later',
};

type Pkg = {
  name: string;
  version: string;
  arch: string;
  source: string;
  sourceVersion: string;
  builtUsing: Array<{ name: string; version: string }>;
  deb: string;
  debSha256: string;
};

function run(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

function fail(message: string): never {
  console.error(`vm:image: ${message}`);
  process.exit(1);
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function checkApt(): void {
  for (const tool of ['apt-get', 'apt-cache', 'dpkg-deb', 'dpkg']) {
    try {
      run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      fail(`${tool} not found. The images are built from Debian packages, on Debian or Ubuntu; the images shipped in static/vm/ need no rebuild to be used.`);
    }
  }
  const foreign = run('dpkg', ['--print-foreign-architectures']).split('\n');
  const candidate = /Candidate: (?!\(none\))/.test(safe(() => run('apt-cache', ['policy', 'linux-image-686:i386'])));
  if (!foreign.includes('i386') || !candidate) {
    fail('the i386 package lists are missing. Run once, as root:\n\n  dpkg --add-architecture i386 && apt-get update\n\nthen run `npm run vm:image` again.');
  }
}

/**
 * Warns when an archive has an amd64 package list but no i386 one (an `apt-get update` that failed
 * for i386, e.g. a security mirror mid-sync): the kernel found may then not be the newest.
 */
function warnMissingI386Lists(): void {
  const dir = '/var/lib/apt/lists';
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const stem = (n: string) => n.replace(/\.(lz4|gz|xz|zst)$/, '');
  const have = new Set(names.map(stem));
  const missing = names
    .map(stem)
    .filter((n) => n.endsWith('_binary-amd64_Packages'))
    .filter((n) => !have.has(n.replace('_binary-amd64_', '_binary-i386_')))
    .map((n) => n.replace(/_binary-amd64_Packages$/, '').replace(/_/g, '/'));
  for (const m of missing)
    console.warn(`vm:image: warning: no i386 package list for ${m}; run \`apt-get update\` again, or the packages may not be the newest`);
}

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

/** The fields of the candidate version of a package, as `apt-cache show` prints them. */
function fields(spec: string): Record<string, string> {
  const text = run('apt-cache', ['show', '--no-all-versions', spec]);
  const out: Record<string, string> = {};
  let key = '';
  for (const line of text.split('\n')) {
    if (line === '') break;
    if (/^\s/.test(line)) out[key] += `\n${line.trim()}`;
    else {
      const i = line.indexOf(':');
      key = line.slice(0, i);
      out[key] = line.slice(i + 1).trim();
    }
  }
  return out;
}

/** The kernel package behind the metapackage: its Depends names exactly one linux-image-*. */
function followMetapackage(meta: string): string {
  const depends = fields(meta).Depends ?? '';
  const images = depends
    .split(',')
    .map((d) => d.trim().split(/\s/)[0])
    .filter((d) => d.startsWith('linux-image-'));
  if (images.length !== 1) fail(`expected ${meta} to depend on one linux-image-* package, found: ${depends}`);
  return `${images[0].replace(/:.*$/, '')}:i386`;
}

function download(spec: string, dir: string): Pkg {
  const f = fields(spec);
  run('apt-get', ['download', spec], dir);
  const arch = f.Architecture;
  const debName = readdirSync(dir).find((n) => n.startsWith(`${f.Package}_`) && n.endsWith(`_${arch}.deb`));
  if (!debName) fail(`apt-get download ${spec} left no ${f.Package}_*_${arch}.deb`);
  const deb = join(dir, debName);
  // Source: "busybox (1:1.35.0-4+deb12u1)" when the binary version differs, "name" alone, or absent.
  const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(f.Source ?? f.Package)!;
  const builtUsing = (f['Built-Using'] ?? '')
    .split(',')
    .map((s) => /^(\S+)\s+\(=\s*(.+)\)$/.exec(s.trim()))
    .filter((x): x is RegExpExecArray => x !== null)
    .map((x) => ({ name: x[1], version: x[2] }));
  return {
    name: f.Package,
    version: f.Version,
    arch,
    source: m[1],
    sourceVersion: m[2] ?? f.Version,
    builtUsing,
    deb,
    debSha256: sha256(readFileSync(deb)),
  };
}

function sourceUrl(name: string, version: string): string {
  return `https://sources.debian.org/src/${name}/${version}/`;
}

function extract(pkg: Pkg, dir: string): string {
  const to = join(dir, `x-${pkg.name}`);
  mkdirSync(to);
  run('dpkg-deb', ['-x', pkg.deb, to]);
  return to;
}

/**
 * The drivers init.sh loads to reach the disk: v86 emulates a PIIX3 IDE controller (PCI 8086:7010,
 * driven by ata_piix through libata and the SCSI disk driver sd_mod) and the filesystem is ext2,
 * mounted by the ext4 driver (Debian's kernel has no separate ext2 module). crc32c_generic is
 * ext4's soft dependency ("softdep pre: crypto-crc32c"), needed only for a filesystem with metadata
 * checksums (not what busybox's mke2fs makes), and is 6 KB.
 */
export const diskModules = ['ata_piix', 'sd_mod', 'crc32c_generic', 'ext4'] as const;
/** The one that probes the IDE controller and so finds the disk; nothing depends on it. */
const diskController = 'ata_piix';

type Module = { name: string; path: string; data: Buffer; depends: string[] };

/** The disk modules and their dependencies, in load order, from the extracted kernel package. */
function collectModules(kx: string): Module[] {
  const base = join(kx, 'lib', 'modules');
  const versions = readdirSync(base);
  if (versions.length !== 1) fail(`expected one lib/modules/* in the kernel package, found ${versions.join(', ') || 'none'}`);
  const byName = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/\.ko(\.xz|\.zst|\.gz)?$/.test(e.name)) byName.set(e.name.replace(/\.ko.*$/, '').replace(/-/g, '_'), join(d, e.name));
    }
  };
  walk(join(base, versions[0]));
  try {
    return insmodOrder(diskModules, (name) => {
      const path = byName.get(name);
      return path ? { path: `/${relative(kx, path)}`, data: readFileSync(path) } : undefined;
    }).map((m) => ({ ...m, data: Buffer.from(m.data) }));
  } catch (error) {
    fail(`kernel modules: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Busybox, its /init, the disk modules, and the few nodes the kernel needs before devtmpfs is mounted. */
function buildInitrd(busybox: Buffer, modules: readonly Module[]): Buffer {
  const init = readFileSync(join(here, 'init.sh'));
  // The controller's driver goes last: init.sh loads the others before the instant-start snapshot
  // point and this one after it, so the saved kernel has never seen a disk.
  const controller = modules.filter((m) => m.name === diskController);
  const order = Buffer.from([...modules.filter((m) => m.name !== diskController), ...controller].map((m) => `${m.name}\n`).join(''));
  const entries: CpioEntry[] = [
    { type: 'dir', path: 'bin' },
    { type: 'file', path: 'bin/busybox', data: busybox, mode: 0o755 },
    { type: 'symlink', path: 'bin/sh', target: 'busybox' },
    { type: 'dir', path: 'dev' },
    { type: 'chardev', path: 'dev/console', major: 5, minor: 1, mode: 0o600 },
    { type: 'chardev', path: 'dev/null', major: 1, minor: 3, mode: 0o666 },
    { type: 'chardev', path: 'dev/ttyS0', major: 4, minor: 64, mode: 0o660 },
    { type: 'dir', path: 'etc' },
    { type: 'file', path: 'init', data: init, mode: 0o755 },
    { type: 'dir', path: 'lib' },
    { type: 'dir', path: 'lib/modules' },
    ...[...modules].sort((a, b) => (a.name < b.name ? -1 : 1)).map((m): CpioEntry => ({ type: 'file', path: `lib/modules/${m.name}.ko`, data: m.data })),
    { type: 'file', path: 'lib/modules/disk.order', data: order },
    { type: 'dir', path: 'proc' },
    { type: 'dir', path: 'root', mode: 0o700 },
    { type: 'dir', path: 'sys' },
    { type: 'dir', path: 'tmp', mode: 0o1777 },
  ];
  // gzip header: mtime 0, no file name; level 9. The same input gives the same bytes.
  return gzipSync(writeCpio(entries), { level: 9 });
}

function main(): void {
  checkApt();
  warnMissingI386Lists();
  const work = mkdtempSync(join(tmpdir(), 'infralab-vm-image-'));
  chmodSync(work, 0o755); // apt-get download drops to the _apt user when it can
  try {
    const meta = 'linux-image-686:i386';
    const kernelSpec = followMetapackage(meta);
    console.log(`vm:image: ${meta} -> ${kernelSpec}`);
    const kernel = download(kernelSpec, work);
    const metaPkg = download(meta, work);
    const seabios = download('seabios', work);
    const busybox = download('busybox-static:i386', work);
    for (const p of [metaPkg, kernel, seabios, busybox]) console.log(`vm:image: ${p.name} ${p.version} (${p.arch})`);

    const kx = extract(kernel, work);
    const sx = extract(seabios, work);
    const bx = extract(busybox, work);
    const vmlinuz = readdirSync(join(kx, 'boot')).filter((n) => n.startsWith('vmlinuz-'));
    if (vmlinuz.length !== 1) fail(`expected one /boot/vmlinuz-* in ${kernel.name}, found ${vmlinuz.join(', ') || 'none'}`);

    // Everything is gathered first and written at the end, so a failed build leaves static/vm/ as it was.
    const files: Array<{ path: string; sha256: string; bytes: number; from: string }> = [];
    const contents = new Map<string, Buffer>();
    const put = (path: string, data: Buffer, from: string) => {
      contents.set(path, data);
      files.push({ path, sha256: sha256(data), bytes: data.length, from });
    };
    put('bzImage', readFileSync(join(kx, 'boot', vmlinuz[0])), `${kernel.name} ${kernel.version}: /boot/${vmlinuz[0]}`);
    const modules = collectModules(kx);
    put(
      'initrd.img',
      buildInitrd(readFileSync(join(bx, 'bin', 'busybox')), modules),
      `built by scripts/vm-image/build.ts: ${busybox.name} ${busybox.version} /bin/busybox with scripts/vm-image/init.sh as /init, and ${modules.length} kernel modules of ${kernel.name} ${kernel.version} in /lib/modules (load order in /lib/modules/disk.order), newc cpio, gzip -9`,
    );
    put('bios.bin', readFileSync(join(sx, 'usr/share/seabios/bios.bin')), `${seabios.name} ${seabios.version}: /usr/share/seabios/bios.bin`);
    put(
      'vgabios.bin',
      readFileSync(join(sx, 'usr/share/seabios/vgabios-stdvga.bin')),
      `${seabios.name} ${seabios.version}: /usr/share/seabios/vgabios-stdvga.bin`,
    );
    // The emulator's own wasm, served beside the images for the page (the Node tests load it from node_modules).
    const v86Version = readV86Version();
    put('v86.wasm', readFileSync(join(root, 'node_modules', 'v86', 'build', 'v86.wasm')), `npm v86 ${v86Version}: build/v86.wasm`);
    // and its JS module: the page imports it at run time (a bundler cannot take v86's Node branches).
    put('libv86.mjs', readFileSync(join(root, 'node_modules', 'v86', 'build', 'libv86.mjs')), `npm v86 ${v86Version}: build/libv86.mjs`);
    put('licences/v86.LICENSE', readFileSync(join(root, 'node_modules', 'v86', 'LICENSE')), `npm v86 ${v86Version}: LICENSE`);
    for (const [p, x] of [
      [kernel, kx],
      [busybox, bx],
      [seabios, sx],
    ] as const) {
      const copyright = join(x, 'usr/share/doc', p.name, 'copyright');
      put(`licences/${p.name}.copyright`, readFileSync(copyright), `${p.name} ${p.version}: /usr/share/doc/${p.name}/copyright`);
    }

    put('licences/README.txt', Buffer.from(licenceReadme(kernel, busybox, seabios, v86Version, modules)), 'written by scripts/vm-image/build.ts');

    const packages = [metaPkg, kernel, busybox, seabios].map((p) => ({
      name: p.name,
      version: p.version,
      arch: p.arch,
      licence: licences[p.source] ?? licences[p.name] ?? 'see licences/',
      source: sourceUrl(p.source, p.sourceVersion),
      sourcePackage: p.source,
      sourceVersion: p.sourceVersion,
      builtUsing: p.builtUsing.map((b) => ({ ...b, licence: licences[b.name] ?? 'see its debian/copyright', source: sourceUrl(b.name, b.version) })),
      debSha256: p.debSha256,
    }));
    const manifest = {
      description: 'Guest images of the InfraLab in-page VM, rebuilt by `npm run vm:image` from the Debian packages below.',
      emulator: { name: 'v86', version: v86Version, licence: 'BSD-2-Clause', source: 'https://github.com/copy/v86' },
      cmdline,
      memoryMiB: 128,
      packages,
      // In the initrd, as /lib/modules/<name>.ko; GPL-2.0-only like the kernel (licences/<kernel>.copyright).
      modules: modules.map((m) => ({
        name: m.name,
        from: `${kernel.name} ${kernel.version}: ${m.path}`,
        depends: m.depends,
        bytes: m.data.length,
        sha256: sha256(m.data),
        licence: 'GPL-2.0-only',
      })),
      files,
    };
    rmSync(outDir, { recursive: true, force: true });
    for (const [path, data] of contents) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), data);
    }
    writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const total = files.reduce((s, f) => s + f.bytes, 0);
    for (const f of files) console.log(`vm:image: ${relative(root, join(outDir, f.path))} ${(f.bytes / 1024).toFixed(0)} KiB ${f.sha256.slice(0, 12)}`);
    console.log(`vm:image: ${files.length} files, ${(total / 1048576).toFixed(2)} MiB in ${relative(root, outDir)}/`);
    console.log('vm:image: the instant-start states were removed with the old images: run `npm run vm:state` to save new ones');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What each shipped file is made of, and which licence file covers it. */
function licenceReadme(kernel: Pkg, busybox: Pkg, seabios: Pkg, v86Version: string, modules: readonly Module[]): string {
  return [
    'Licences of the files in static/vm/ (versions, hashes and source URLs: ../manifest.json)',
    '',
    `bzImage            Linux, from Debian's ${kernel.name} ${kernel.version}: GPL-2.0-only, ${kernel.name}.copyright`,
    `initrd.img         a cpio archive of:`,
    `  bin/busybox      ${busybox.name} ${busybox.version}: GPL-2.0-only, ${busybox.name}.copyright`,
    `  lib/modules/*.ko kernel modules from ${kernel.name} ${kernel.version}: GPL-2.0-only, ${kernel.name}.copyright`,
    ...modules.map((m) => `                     ${m.name}.ko  (${m.path})`),
    `  init             scripts/vm-image/init.sh of this project`,
    `bios.bin, vgabios.bin  ${seabios.name} ${seabios.version}: LGPL-3.0 (see ${seabios.name}.copyright)`,
    `v86.wasm, libv86.mjs   v86 ${v86Version}: BSD-2-Clause, v86.LICENSE`,
    'state-*.bin.zst    saved by `npm run vm:state`: the memory and device state of the emulated machine',
    '                   running the files above (the kernel, its modules, busybox, SeaBIOS), so their',
    '                   licences apply to it; the corresponding sources are those of the packages above.',
    'disk-for-state-*.ext2.gz  saved by `npm run vm:state`: an empty ext2 filesystem made by busybox mke2fs',
    '                   in that machine (data, not a program).',
    '',
  ].join('\n');
}

function readV86Version(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'v86', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

main();
