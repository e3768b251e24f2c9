import { describe, expect, it } from 'vitest';
import { readCpio, writeCpio } from '../../scripts/vm-image/cpio';

describe('the newc cpio writer', () => {
  const archive = writeCpio([
    { type: 'dir', path: '/bin' },
    { type: 'file', path: 'bin/hello', data: Buffer.from('hi!\n'), mode: 0o755 },
    { type: 'symlink', path: 'bin/sh', target: 'busybox' },
    { type: 'chardev', path: 'dev/console', major: 5, minor: 1 },
  ]);

  it('writes 4-byte aligned newc records ending with the trailer', () => {
    expect(archive.toString('ascii', 0, 6)).toBe('070701');
    expect(archive.length % 4).toBe(0);
    expect(archive.toString('latin1')).toContain('TRAILER!!!\0');
  });

  it('reads back what it wrote: names without a leading slash, modes, data, devices', () => {
    const entries = readCpio(archive);
    expect(entries.map((e) => e.name)).toEqual(['bin', 'bin/hello', 'bin/sh', 'dev/console']);
    expect(entries[0].mode).toBe(0o040755);
    expect(entries[1].mode).toBe(0o100755);
    expect(entries[1].data.toString()).toBe('hi!\n');
    expect(entries[2].mode).toBe(0o120777);
    expect(entries[2].data.toString()).toBe('busybox');
    expect(entries[3].rdev).toEqual([5, 1]);
  });

  it('is deterministic: the same entries give the same bytes', () => {
    const again = writeCpio([
      { type: 'dir', path: '/bin' },
      { type: 'file', path: 'bin/hello', data: Buffer.from('hi!\n'), mode: 0o755 },
      { type: 'symlink', path: 'bin/sh', target: 'busybox' },
      { type: 'chardev', path: 'dev/console', major: 5, minor: 1 },
    ]);
    expect(again.equals(archive)).toBe(true);
  });
});
