/**
 * The kernel build's checks (scripts/vm-image/kernel.ts) on small inputs: a config fragment is
 * read strictly, an option Kconfig dropped is reported with the fragment's line, and the version
 * is read from a bzImage's setup header. The shipped kernel itself is checked in manifest.test.ts.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bzImageVersion, changelogDate, parseFragment, unmetOptions } from '../../scripts/vm-image/kernel';

describe('parseFragment', () => {
  it('reads options set and options off, skipping comments and blank lines', () => {
    expect(parseFragment('# why\nCONFIG_A=y\n\n# CONFIG_B is not set\nCONFIG_C="x y"\n')).toEqual([
      { line: 2, option: 'CONFIG_A', value: 'y' },
      { line: 4, option: 'CONFIG_B', value: null },
      { line: 5, option: 'CONFIG_C', value: '"x y"' },
    ]);
  });

  it('refuses any other line, naming the file and line', () => {
    expect(() => parseFragment('CONFIG_A=y\nA=y\n', 'frag.config')).toThrow(/^frag\.config:2: expected CONFIG_X=value.*got: A=y$/);
  });
});

describe('unmetOptions', () => {
  const fragment = parseFragment('CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=100\n', 'f');

  it('is empty when the final config has every option as asked', () => {
    expect(unmetOptions(fragment, 'CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=100\nCONFIG_D=y\n', 'f')).toEqual([]);
  });

  it('names each option Kconfig dropped or changed, with the fragment line', () => {
    expect(unmetOptions(fragment, 'CONFIG_B=y\nCONFIG_C=250\n', 'f')).toEqual([
      "f:1: CONFIG_A asked y, the kernel's config has it off or absent",
      "f:2: CONFIG_B asked off, the kernel's config has y",
      "f:3: CONFIG_C asked 100, the kernel's config has 250",
    ]);
  });
});

describe('changelogDate', () => {
  it('takes the date of the newest entry', () => {
    const text =
      'linux (1-2) unstable; urgency=medium\n\n  * x\n\n -- A B <a@b.org>  Thu, 26 Nov 2026 18:12:56 +0100\n\nlinux (1-1) ...\n\n -- A B <a@b.org>  Mon, 01 Jan 2024 00:00:00 +0000\n';
    expect(changelogDate(gzipSync(text))).toBe('Thu, 26 Nov 2026 18:12:56 +0100');
  });

  it('says what is missing from a changelog without a trailer line', () => {
    expect(() => changelogDate(gzipSync('nothing here\n'))).toThrow('no " -- maintainer <mail>  date" trailer line');
  });
});

describe('bzImageVersion', () => {
  it('reads the kernel_version string the setup header points at', () => {
    const image = Buffer.alloc(0x400);
    image.write('HdrS', 0x202, 'latin1');
    image.writeUInt16LE(0x300 - 0x200, 0x20e);
    image.write('6.1.0-test (u@h) #1\0', 0x300, 'latin1');
    expect(bzImageVersion(image)).toBe('6.1.0-test (u@h) #1');
  });

  it('refuses a file without the setup header', () => {
    expect(() => bzImageVersion(Buffer.alloc(0x400))).toThrow(/no "HdrS" setup header/);
  });
});
