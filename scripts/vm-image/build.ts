/**
 * `npm run vm:image`: rebuilds the guest images of the in-page virtual machine from Debian packages,
 * reproducibly, and writes them with a manifest into static/vm/.
 *
 *   kernel    compiled from Debian's `linux-source-6.1` for this machine, every driver it uses built
 *             in, with ./kernel.config on top of tinyconfig (./kernel.ts)
 *   firmware  `seabios`: bios.bin and vgabios-stdvga.bin
 *   userland  `busybox-static:i386`, packed with ./init.sh into a gzip'd newc cpio initrd (./cpio.ts)
 *
 * Needs apt-get, apt-cache and dpkg-deb, the i386 package lists, and a kernel build's tools (gcc,
 * make, flex, bison, bc: see `checkApt`). VM_KERNEL_TREE=DIR keeps the unpacked, compiled kernel
 * tree in DIR between runs, so a config change recompiles only what it touches. The shipped files are checked against the manifest by
 * test/vm/manifest.test.ts, which needs none of that.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeCpio, type CpioEntry } from './cpio';
import { buildKernel, kernelBuildTools, kernelSourcePackage, type BuiltKernel } from './kernel';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outDir = join(root, 'static', 'vm');

/**
 * The kernel command line; the engine's VM boots with exactly this. `tsc=reliable`: v86's TSC is
 * the clock (no watchdog against the PIT); `quiet`: the boot messages are not sent through the
 * emulated serial port (dmesg still has them); `random.trust_cpu=on` seeds the random number
 * generator at once where the CPU offers RDRAND. The kernel has no tracing, ACPI or PnP, so the
 * parameters that turned those off for Debian's kernel are gone.
 */
export const cmdline = 'console=ttyS0 tsc=reliable mitigations=off random.trust_cpu=on quiet';

/** Licences by Debian source package, as their debian/copyright files state (shipped beside the images). */
const licences: Record<string, string> = {
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
  const missing = Object.entries(kernelBuildTools).filter(([tool]) => safe(() => run('sh', ['-c', `command -v ${tool}`])) === '');
  if (missing.length > 0)
    fail(
      `the kernel build needs ${missing.map(([t]) => t).join(', ')}. Install, as root:\n\n  apt-get install ${[...new Set(missing.map(([, p]) => p))].join(' ')}\n\nthen run \`npm run vm:image\` again.`,
    );
  const foreign = run('dpkg', ['--print-foreign-architectures']).split('\n');
  const candidate = /Candidate: (?!\(none\))/.test(safe(() => run('apt-cache', ['policy', 'busybox-static:i386'])));
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

/** Busybox, its /init, and the few nodes the kernel needs before devtmpfs is mounted. */
function buildInitrd(busybox: Buffer): Buffer {
  const init = readFileSync(join(here, 'init.sh'));
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
    { type: 'dir', path: 'proc' },
    { type: 'dir', path: 'root', mode: 0o700 },
    { type: 'dir', path: 'sys' },
    { type: 'dir', path: 'tmp', mode: 0o1777 },
  ];
  // gzip header: mtime 0, no file name; level 9. The same input gives the same bytes.
  return gzipSync(writeCpio(entries), { level: 9 });
}

/** The source tarball inside the extracted linux-source package, e.g. /usr/src/linux-source-6.1.tar.xz. */
function sourceTarball(x: string): string {
  const found = readdirSync(join(x, 'usr', 'src')).filter((n) => n.startsWith(`${kernelSourcePackage}.tar`));
  if (found.length !== 1) fail(`expected one /usr/src/${kernelSourcePackage}.tar.* in ${kernelSourcePackage}, found ${found.join(', ') || 'none'}`);
  return join(x, 'usr', 'src', found[0]);
}

const fragmentPath = join(here, 'kernel.config');

function main(): void {
  checkApt();
  warnMissingI386Lists();
  const work = mkdtempSync(join(tmpdir(), 'infralab-vm-image-'));
  chmodSync(work, 0o755); // apt-get download drops to the _apt user when it can
  try {
    const linuxSource = download(kernelSourcePackage, work);
    const seabios = download('seabios', work);
    const busybox = download('busybox-static:i386', work);
    for (const p of [linuxSource, seabios, busybox]) console.log(`vm:image: ${p.name} ${p.version} (${p.arch})`);

    const lx = extract(linuxSource, work);
    const sx = extract(seabios, work);
    const bx = extract(busybox, work);
    const changelog = readFileSync(join(lx, 'usr/share/doc', linuxSource.name, 'changelog.Debian.gz'));
    let kernel: BuiltKernel;
    try {
      kernel = buildKernel({
        tarball: sourceTarball(lx),
        changelogGz: changelog,
        fragmentPath,
        workDir: work,
        source: `${linuxSource.name} ${linuxSource.version} ${linuxSource.debSha256}`,
        keepTree: process.env.VM_KERNEL_TREE || undefined,
        log: (s) => console.log(`vm:image: ${s}`),
      });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    console.log(`vm:image: kernel ${kernel.release}, ${kernel.compiler}`);

    // Everything is gathered first and written at the end, so a failed build leaves static/vm/ as it was.
    const files: Array<{ path: string; sha256: string; bytes: number; from: string }> = [];
    const contents = new Map<string, Buffer>();
    const put = (path: string, data: Buffer, from: string) => {
      contents.set(path, data);
      files.push({ path, sha256: sha256(data), bytes: data.length, from });
    };
    const builtFrom = `${linuxSource.name} ${linuxSource.version}`;
    put(
      'bzImage',
      kernel.bzImage,
      `built by scripts/vm-image/kernel.ts from ${builtFrom} with scripts/vm-image/kernel.config (full config: kernel.config), ${kernel.compiler}`,
    );
    put(
      'kernel.config',
      Buffer.from(kernel.config),
      `the .config the bzImage was built with: tinyconfig and scripts/vm-image/kernel.config, completed by make olddefconfig (${builtFrom})`,
    );
    put(
      'initrd.img',
      buildInitrd(readFileSync(join(bx, 'bin', 'busybox'))),
      `built by scripts/vm-image/build.ts: ${busybox.name} ${busybox.version} /bin/busybox with scripts/vm-image/init.sh as /init, newc cpio, gzip -9`,
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
    put(
      'libv86.mjs',
      readFileSync(join(root, 'node_modules', 'v86', 'build', 'libv86.mjs')),
      `npm v86 ${v86Version}: build/libv86.mjs, with patches/v86+0.5.462.patch (applied by npm ci)`,
    );
    put('licences/v86.LICENSE', readFileSync(join(root, 'node_modules', 'v86', 'LICENSE')), `npm v86 ${v86Version}: LICENSE`);
    for (const [p, x] of [
      [linuxSource, lx],
      [busybox, bx],
      [seabios, sx],
    ] as const) {
      const copyright = join(x, 'usr/share/doc', p.name, 'copyright');
      put(`licences/${p.name}.copyright`, readFileSync(copyright), `${p.name} ${p.version}: /usr/share/doc/${p.name}/copyright`);
    }

    put('licences/README.txt', Buffer.from(licenceReadme(linuxSource, kernel, busybox, seabios, v86Version)), 'written by scripts/vm-image/build.ts');

    const packages = [linuxSource, busybox, seabios].map((p) => ({
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
      // How the bzImage was made: the exact source (a package above), the options, the compiler and the fixed build identity.
      kernel: {
        release: kernel.release,
        sourcePackage: linuxSource.name,
        sourceVersion: linuxSource.version,
        source: sourceUrl(linuxSource.source, linuxSource.sourceVersion),
        licence: 'GPL-2.0-only',
        arch: 'i386',
        configFragment: 'scripts/vm-image/kernel.config',
        configFragmentSha256: sha256(readFileSync(fragmentPath)),
        config: 'kernel.config',
        compiler: kernel.compiler,
        buildTimestamp: kernel.timestamp,
        buildUser: 'infralab',
        buildHost: 'infralab',
      },
      packages,
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
function licenceReadme(linuxSource: Pkg, kernel: BuiltKernel, busybox: Pkg, seabios: Pkg, v86Version: string): string {
  return [
    'Licences of the files in static/vm/ (versions, hashes and source URLs: ../manifest.json)',
    '',
    `bzImage            Linux ${kernel.release}, compiled from Debian's ${linuxSource.name} ${linuxSource.version}`,
    `                   (source: ${sourceUrl(linuxSource.source, linuxSource.sourceVersion)}) with the options`,
    `                   of kernel.config: GPL-2.0-only, ${linuxSource.name}.copyright`,
    'kernel.config      the configuration it was built with (part of its corresponding source)',
    `initrd.img         a cpio archive of:`,
    `  bin/busybox      ${busybox.name} ${busybox.version}: GPL-2.0-only, ${busybox.name}.copyright`,
    `  init             scripts/vm-image/init.sh of this project`,
    `bios.bin, vgabios.bin  ${seabios.name} ${seabios.version}: LGPL-3.0 (see ${seabios.name}.copyright)`,
    `v86.wasm, libv86.mjs   v86 ${v86Version}: BSD-2-Clause, v86.LICENSE`,
    'state-*.bin.zst    saved by `npm run vm:state`: the memory and device state of the emulated machine',
    '                   running the files above (the kernel, busybox, SeaBIOS), so their licences apply',
    '                   to it; the corresponding sources are those of the packages above, and kernel.config.',
    'disk-for-state-*.blocks.gz  saved by `npm run vm:state`: an empty ext2 filesystem made by busybox mke2fs',
    '                   in that machine (data, not a program).',
    '',
  ].join('\n');
}

function readV86Version(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'v86', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

main();
