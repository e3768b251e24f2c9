/**
 * The guest's kernel, compiled from Debian's `linux-source-6.1` package for exactly the machine v86
 * emulates: `make ARCH=i386 tinyconfig`, the options of ./kernel.config merged on top, every driver
 * the guest uses built in and no modules. A distribution kernel carries thousands of drivers the
 * machine never uses, and the instant-start state carries whatever the kernel image holds in RAM.
 *
 * The build is made reproducible the way the kernel's documentation describes
 * (Documentation/kbuild/reproducible-builds.rst): a fixed timestamp (the source package's own
 * changelog date), user, host and build number, an in-tree build (so no absolute path is compiled
 * in), no modules to sign and no randomized layout. The same source package and the same host
 * compiler then give the same bzImage byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The Debian package whose tarball is compiled. */
export const kernelSourcePackage = 'linux-source-6.1';

/** The tools a kernel build runs, by the Debian package that has each. */
export const kernelBuildTools: Record<string, string> = {
  gcc: 'gcc',
  make: 'make',
  flex: 'flex',
  bison: 'bison',
  bc: 'bc',
  perl: 'perl',
  xz: 'xz-utils',
  zstd: 'zstd',
};

/** One option line of a config fragment: `CONFIG_X=value`, or `# CONFIG_X is not set` (off). */
export type ConfigLine = { line: number; option: string; value: string | null };

/**
 * The options a fragment sets, with their line numbers. Other lines must be comments or blank;
 * anything else is an error naming the line.
 */
export function parseFragment(text: string, where = 'kernel.config'): ConfigLine[] {
  const out: ConfigLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const off = /^# (CONFIG_[A-Z0-9_]+) is not set$/.exec(line);
    const on = /^(CONFIG_[A-Z0-9_]+)=(.+)$/.exec(line);
    if (off) out.push({ line: i + 1, option: off[1], value: null });
    else if (on) out.push({ line: i + 1, option: on[1], value: on[2] });
    else if (line !== '' && !line.startsWith('#'))
      throw new Error(`${where}:${i + 1}: expected CONFIG_X=value, "# CONFIG_X is not set", a comment or a blank line, got: ${raw}`);
  });
  return out;
}

/**
 * The fragment's options that the final .config does not have as asked (Kconfig drops an option
 * whose dependencies are off, or overrides one a choice excludes), each with the fragment's line.
 */
export function unmetOptions(fragment: readonly ConfigLine[], finalConfig: string, where = 'kernel.config'): string[] {
  const got = new Map<string, string | null>();
  for (const { option, value } of parseFragment(finalConfig, '.config')) got.set(option, value);
  const problems: string[] = [];
  for (const f of fragment) {
    const v = got.get(f.option) ?? null;
    if (f.value === null ? v !== null && v !== 'n' : v !== f.value)
      problems.push(`${where}:${f.line}: ${f.option} asked ${f.value === null ? 'off' : f.value}, the kernel's config has ${v ?? 'it off or absent'}`);
  }
  return problems;
}

/** The date of the newest entry of a Debian changelog (its " -- name <mail>  date" trailer line). */
export function changelogDate(changelogGz: Uint8Array): string {
  const text = gunzipSync(changelogGz).toString('utf8');
  const m = /^ -- .+?>\s{2}(.+)$/m.exec(text);
  if (!m) throw new Error('changelog.Debian.gz: no " -- maintainer <mail>  date" trailer line');
  return m[1].trim();
}

export interface BuiltKernel {
  bzImage: Buffer;
  /** The full .config the kernel was built with (the fragment completed by Kconfig). */
  config: string;
  /** `uname -r` of the guest. */
  release: string;
  /** The compiler's `gcc --version` first line (it is compiled into /proc/version too). */
  compiler: string;
  /** KBUILD_BUILD_TIMESTAMP. */
  timestamp: string;
}

/** The file that says which package a kept source tree was unpacked from. */
const treeStamp = '.infralab-source';

/**
 * Unpacks the package's source tarball into `workDir` and builds the bzImage. `log` receives
 * progress lines; the compiler's output goes to workDir/kernel-build.log (its tail is shown if the
 * build fails).
 *
 * `keepTree` (a directory, from VM_KERNEL_TREE): unpack there instead, and keep the tree, so a
 * rebuild after a config change compiles only what changed (a full build takes minutes). The tree
 * is used again only if it was unpacked from the same package (`source`, its name, version and
 * .deb sha256); the build steps are the same either way.
 */
export function buildKernel(opts: {
  tarball: string;
  changelogGz: Uint8Array;
  fragmentPath: string;
  workDir: string;
  source: string;
  keepTree?: string;
  log: (s: string) => void;
}): BuiltKernel {
  const { tarball, log } = opts;
  // merge_config.sh runs in the source tree: the fragment's path must not depend on the caller's cwd.
  const fragmentPath = resolve(opts.fragmentPath);
  const fragmentText = readFileSync(fragmentPath, 'utf8');
  const fragment = parseFragment(fragmentText, fragmentPath);
  const workDir = opts.keepTree ?? opts.workDir;
  const src = join(workDir, kernelSourcePackage);
  const stamp = join(src, treeStamp);
  if (opts.keepTree && existsSync(src)) {
    const had = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '(no stamp)';
    if (had !== opts.source)
      throw new Error(`VM_KERNEL_TREE: ${src} was unpacked from ${had}, not ${opts.source}; remove it or point VM_KERNEL_TREE elsewhere`);
    log(`reusing the kernel tree in ${src}`);
  } else {
    log(`unpacking ${tarball}`);
    execFileSync('tar', ['-xf', tarball, '-C', workDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    writeFileSync(stamp, `${opts.source}\n`);
  }
  const timestamp = changelogDate(opts.changelogGz);
  const env = {
    ...process.env,
    ARCH: 'i386',
    LC_ALL: 'C',
    TZ: 'UTC',
    KBUILD_BUILD_TIMESTAMP: timestamp,
    KBUILD_BUILD_USER: 'infralab',
    KBUILD_BUILD_HOST: 'infralab',
    KBUILD_BUILD_VERSION: '1',
  };
  const logPath = join(workDir, 'kernel-build.log');
  const logLines: string[] = [];
  const step = (what: string, cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: src, env, encoding: 'utf8', maxBuffer: 512 << 20 });
    logLines.push(`$ ${cmd} ${args.join(' ')}`, r.stdout ?? '', r.stderr ?? '');
    writeFileSync(logPath, logLines.join('\n'));
    if (r.status !== 0) {
      const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
      throw new Error(`kernel ${what} failed (${cmd} ${args.join(' ')}, exit ${r.status ?? r.signal}); full log: ${logPath}\n${tail}`);
    }
    return r.stdout;
  };
  // The kernel's built-in default initramfs carries the build timestamp as file mtimes, and make
  // does not regenerate it when only KBUILD_BUILD_TIMESTAMP changed: a kept tree would keep an old one.
  rmSync(join(src, 'usr', 'initramfs_data.cpio'), { force: true });
  step('config', 'make', ['tinyconfig']);
  step('config', 'scripts/kconfig/merge_config.sh', ['-m', '.config', fragmentPath]);
  step('config', 'make', ['olddefconfig']);
  const config = readFileSync(join(src, '.config'), 'utf8');
  const unmet = unmetOptions(fragment, config, fragmentPath);
  if (unmet.length > 0) throw new Error(`the kernel config does not have what the fragment asks:\n  ${unmet.join('\n  ')}`);
  const jobs = String(Math.max(1, availableParallelism()));
  log(`compiling the kernel (make -j${jobs} bzImage; from scratch, up to half an hour on two busy cores)`);
  const t0 = Date.now();
  step('build', 'make', [`-j${jobs}`, 'bzImage']);
  log(`compiled in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const release = step('release', 'make', ['-s', 'kernelrelease']).trim();
  const compiler = execFileSync('gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  return { bzImage: readFileSync(join(src, 'arch', 'x86', 'boot', 'bzImage')), config, release, compiler, timestamp };
}

/**
 * The version string a bzImage carries in its setup header (the boot protocol's kernel_version
 * field: a pointer, less 0x200, at offset 0x20e), e.g. "6.1.192-infralab (infralab@infralab) #1 ...".
 */
export function bzImageVersion(bzImage: Uint8Array): string {
  const buf = Buffer.from(bzImage.buffer, bzImage.byteOffset, bzImage.byteLength);
  if (buf.length < 0x210 || buf.toString('latin1', 0x202, 0x206) !== 'HdrS') throw new Error('bzImage: no "HdrS" setup header at 0x202 (not a bzImage)');
  const at = buf.readUInt16LE(0x20e) + 0x200;
  return buf.toString('latin1', at, buf.indexOf(0, at));
}
