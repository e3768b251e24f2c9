import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialConsole, bootStage, diskMountedPattern, resetLine, resumeLine, snapshotCmdlineFlag, snapshotMarker, stripEscapes } from '../../src/vm';

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

describe('the serial console over a long run', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('decodes UTF-8, also when a character is split across bytes that arrive apart', () => {
    const s = new SerialConsole();
    const encoded = bytes('température 20 °C, ✓\n');
    for (const b of encoded) s.push(b);
    expect(s.text).toBe('température 20 °C, ✓\n');
    const t = new SerialConsole();
    const check = bytes('✓'); // three bytes
    t.push(check.subarray(0, 1));
    expect(t.text).toBe('');
    t.push(check.subarray(1));
    expect(t.text).toBe('✓');
  });

  it('tells its listeners once per task, however many bytes came in it', async () => {
    const s = new SerialConsole();
    const heard: string[] = [];
    s.onChange((text) => heard.push(text));
    for (const b of bytes('a line of 26 bytes, typed\n')) s.push(b);
    expect(heard).toEqual([]); // not per byte
    await Promise.resolve();
    expect(heard).toEqual(['a line of 26 bytes, typed\n']);
  });

  it('keeps only the last part of the text, and marks still count from the first byte', async () => {
    const s = new SerialConsole(1000);
    const line = 'x'.repeat(99) + '\n'; // 100 characters
    for (let i = 0; i < 50; i++) s.push(line);
    expect(s.text.length).toBeLessThanOrEqual(1250);
    expect(s.text.length).toBeGreaterThanOrEqual(1000);
    expect(s.mark()).toBe(5000);
    const wait = s.waitFor('done', { from: s.mark(), timeoutMs: 1000 });
    s.push('done');
    await expect(wait).resolves.toBe('done');
  });

  it('finds a waited pattern that arrives split across two batches', async () => {
    const s = new SerialConsole();
    const wait = s.waitFor(/^infralab:[^\n#]*# $/m, { timeoutMs: 1000 });
    s.push('boot\ninfra');
    await Promise.resolve();
    s.push('lab:/root# ');
    await expect(wait).resolves.toBe('boot\ninfralab:/root# ');
  });

  it('does not match `^` in the middle of a line that began in an earlier batch', async () => {
    const s = new SerialConsole();
    const wait = s.waitFor(/^42$/m, { timeoutMs: 50 });
    s.push('x');
    await Promise.resolve();
    s.push('42\n');
    await expect(wait).rejects.toThrow(/within 50 ms/);
  });

  it('tracks the latest boot across resets and resumes, batch by batch', async () => {
    const s = new SerialConsole();
    expect(s.stage).toBe('firmware');
    s.push('[ 0.1] Linux version 6.1\n');
    expect(s.stage).toBe('kernel');
    s.push('infralab: init up on 6.1.0\n');
    expect(s.stage).toBe('userland');
    s.push('infralab:/root# ');
    expect(s.stage).toBe('shell');
    s.push(resetLine);
    expect(s.stage).toBe('firmware');
    s.push('[ 0.1] Linux version 6.1\n');
    expect(s.stage).toBe('kernel');
    s.push(resetLine + resumeLine);
    expect(s.stage).toBe('userland');
    s.push('infralab: disk /dev/sda mounted at /mnt/disk (new filesystem)\n\ninfralab:/root# ');
    expect(s.stage).toBe('shell');
  });
});

describe('the lines /init prints about the disk (scripts/vm-image/init.sh)', () => {
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
