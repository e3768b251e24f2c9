/**
 * A minimal writer for the "newc" cpio format (what the Linux kernel unpacks as an initramfs), so
 * the image build needs no external cpio tool. Entries are written in the order given; the caller
 * sorts them. Every field that could vary between builds (mtime, uid, gid, inode) is fixed, so the
 * same entries always give the same bytes.
 */

export type CpioEntry =
  | { type: 'dir'; path: string; mode?: number }
  | { type: 'file'; path: string; data: Uint8Array; mode?: number }
  | { type: 'symlink'; path: string; target: string }
  | { type: 'chardev'; path: string; major: number; minor: number; mode?: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;

function hex8(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`cpio field out of range: ${n}`);
  return n.toString(16).padStart(8, '0');
}

function pad4(length: number): number {
  return (4 - (length % 4)) % 4;
}

/** One newc record: the 110-byte header, the NUL-terminated name, padding, the data, padding. */
function record(name: string, mode: number, data: Uint8Array, ino: number, rdev: [number, number] = [0, 0], nlink = 1): Buffer {
  const nameBytes = Buffer.from(`${name}\0`, 'utf8');
  const header =
    '070701' +
    hex8(ino) +
    hex8(mode) +
    hex8(0) + // uid: root
    hex8(0) + // gid: root
    hex8(nlink) +
    hex8(0) + // mtime: fixed, for reproducible images
    hex8(data.length) +
    hex8(0) + // dev major
    hex8(0) + // dev minor
    hex8(rdev[0]) +
    hex8(rdev[1]) +
    hex8(nameBytes.length) +
    hex8(0); // check: unused by newc
  const head = Buffer.concat([Buffer.from(header, 'ascii'), nameBytes]);
  return Buffer.concat([head, Buffer.alloc(pad4(head.length)), Buffer.from(data), Buffer.alloc(pad4(data.length))]);
}

/** The archive: one record per entry, then the TRAILER!!! record. Paths are relative (no leading /). */
export function writeCpio(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let ino = 1;
  for (const e of entries) {
    const path = e.path.replace(/^\/+/, '');
    if (path === '') throw new Error('cpio entry with an empty path');
    switch (e.type) {
      case 'dir':
        parts.push(record(path, S_IFDIR | (e.mode ?? 0o755), new Uint8Array(0), ino++, [0, 0], 2));
        break;
      case 'file':
        parts.push(record(path, S_IFREG | (e.mode ?? 0o644), e.data, ino++));
        break;
      case 'symlink':
        parts.push(record(path, S_IFLNK | 0o777, Buffer.from(e.target, 'utf8'), ino++));
        break;
      case 'chardev':
        parts.push(record(path, S_IFCHR | (e.mode ?? 0o600), new Uint8Array(0), ino++, [e.major, e.minor]));
        break;
    }
  }
  parts.push(record('TRAILER!!!', 0, new Uint8Array(0), 0, [0, 0], 1));
  return Buffer.concat(parts);
}

/** Reads a newc archive back (for tests): name, mode, data and device numbers of each entry. */
export function readCpio(archive: Uint8Array): Array<{ name: string; mode: number; data: Buffer; rdev: [number, number] }> {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const out: Array<{ name: string; mode: number; data: Buffer; rdev: [number, number] }> = [];
  let at = 0;
  for (;;) {
    const magic = buf.toString('ascii', at, at + 6);
    if (magic !== '070701') throw new Error(`bad cpio magic at ${at}: ${JSON.stringify(magic)}`);
    const field = (i: number) => parseInt(buf.toString('ascii', at + 6 + i * 8, at + 14 + i * 8), 16);
    const mode = field(1);
    const size = field(6);
    const rdev: [number, number] = [field(9), field(10)];
    const nameSize = field(11);
    const nameStart = at + 110;
    const name = buf.toString('utf8', nameStart, nameStart + nameSize - 1);
    const dataStart = nameStart + nameSize + pad4(110 + nameSize);
    if (name === 'TRAILER!!!') return out;
    out.push({ name, mode, data: buf.subarray(dataStart, dataStart + size), rdev });
    at = dataStart + size + pad4(size);
  }
}
