import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialConsole, bootStage, diskMountedPattern, snapshotCmdlineFlag, snapshotMarker, stripEscapes } from '../../src/vm';

describe('the serial console', () => {
  it('strips terminal escapes such as the cursor query of ash', () => {
    expect(stripEscapes('infralab:/root# \u001b[6necho hi\r\n')).toBe('infralab:/root# echo hi\n');
  });

  it('drops an escape sequence that arrives byte by byte', () => {
    const s = new SerialConsole();
    for (const ch of 'a\u001b[6nb\u001b[1;32mc\r\n\u001bxd') s.push(ch.charCodeAt(0));
    expect(s.text).toBe('abc\nxd');
  });

  it('tells the boot stage from the output', () => {
    expect(bootStage('')).toBe('firmware');
    expect(bootStage('[    0.29] ACPI BIOS Error\n')).toBe('kernel');
    expect(bootStage('x\ninfralab: init up on 6.1.0\n')).toBe('userland');
    expect(bootStage('x\ninfralab: init up on 6.1.0\n\ninfralab:/root# ')).toBe('shell');
  });

  it('waits for a pattern after a mark, and times out with the last output', async () => {
    const s = new SerialConsole();
    s.push('42\n');
    const mark = s.mark();
    const wait = s.waitFor(/^42$/m, { from: mark, timeoutMs: 1000 });
    for (const ch of 'echo\n42\n') s.push(ch.charCodeAt(0));
    await expect(wait).resolves.toBe('echo\n42');
    await expect(s.waitFor('never', { timeoutMs: 10 })).rejects.toThrow(/no never within 10 ms/);
  });
});

describe("the lines /init prints about the disk (scripts/vm-image/init.sh)", () => {
  const init = readFileSync(join(__dirname, '..', '..', 'scripts', 'vm-image', 'init.sh'), 'utf8');

  it('the mounted line, new or existing, is what diskMountedPattern reads', () => {
    const echoed = /echo "(infralab: disk \/dev\/sda mounted at \/mnt\/disk \(\$how filesystem\))"/.exec(init);
    expect(echoed).not.toBeNull();
    for (const how of ['new', 'existing']) expect(echoed![1].replace('$how', how)).toMatch(diskMountedPattern);
    expect('infralab: disk /dev/sda holds no ext2 filesystem; left unmounted').not.toMatch(diskMountedPattern);
  });

  it('waits for the snapshot line only when the command line has the flag', () => {
    expect(init).toContain(`grep -qw ${snapshotCmdlineFlag} /proc/cmdline`);
    expect(init).toContain(`echo "${snapshotMarker}"`);
  });
});
