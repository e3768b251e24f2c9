/**
 * The instant-start state as a file: zstd-compressed, which v86 decompresses itself while it
 * restores (its wasm core carries a zstd decoder), so the page never holds the ~50 MB of raw state
 * beside the compressed bytes. A gzip'd state (an older manifest) is still read, through the
 * browser's DecompressionStream. Pure: no DOM, no Node.
 */

const zstdMagic = 0xfd2fb528;

/**
 * The decompressed size a zstd frame declares in its header (Frame_Content_Size, RFC 8878 §3.1.1.1),
 * or null when the bytes are not a zstd frame or the header leaves the size out.
 */
export function zstdContentSize(bytes: Uint8Array): number | null {
  if (bytes.length < 6) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== zstdMagic) return null;
  const descriptor = bytes[4];
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictIdBytes = [0, 1, 2, 4][descriptor & 3];
  const fcsBytes = fcsFlag === 0 ? singleSegment : [0, 2, 4, 8][fcsFlag];
  if (fcsBytes === 0) return null;
  const at = 5 + (singleSegment ? 0 : 1) + dictIdBytes;
  if (bytes.length < at + fcsBytes) return null;
  if (fcsBytes === 1) return view.getUint8(at);
  if (fcsBytes === 2) return view.getUint16(at, true) + 256;
  if (fcsBytes === 4) return view.getUint32(at, true);
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The state's bytes as v86 takes them: a zstd frame as it is (after checking its declared size
 * against the manifest's), a gzip file decompressed. A server that sent the file with a
 * `Content-Encoding` has had the browser decompress it already: raw bytes are passed on as they are.
 */
export async function stateForV86(data: ArrayBuffer, record: { path: string; rawBytes: number }): Promise<ArrayBuffer> {
  const head = new Uint8Array(data, 0, Math.min(32, data.byteLength));
  const declared = zstdContentSize(head);
  let raw = data;
  if (declared !== null) {
    if (declared !== record.rawBytes) throw new Error(`${record.path}: a zstd frame of ${declared} bytes, the manifest says ${record.rawBytes}`);
    return data;
  }
  raw = await gunzipped(data);
  if (raw.byteLength !== record.rawBytes) throw new Error(`${record.path}: ${raw.byteLength} bytes once decompressed, the manifest says ${record.rawBytes}`);
  return raw;
}

/** The bytes of a gzip file; bytes that are not gzip (a server already decoded its Content-Encoding) as they are. */
export async function gunzipped(data: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isGzip(new Uint8Array(data, 0, Math.min(2, data.byteLength)))) return data;
  return new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

/** The block size of a packed disk image (packDiskBlocks): ext2's on a 16 MiB disk made by busybox mke2fs. */
export const diskBlockBytes = 4096;
const recordBytes = 4 + diskBlockBytes;

/**
 * A disk image as its non-zero blocks, each as its index (u32, little-endian) and its bytes, in
 * order. The formatted empty disk of an instant start is 16 MiB, almost all zeros: packed, it is
 * ~100 KB to decompress instead of 16 MiB (which the page inflated on its main thread: 0.4 s).
 */
export function packDiskBlocks(disk: Uint8Array): Uint8Array {
  if (disk.length % diskBlockBytes !== 0) throw new Error(`a disk image of ${disk.length} bytes is not a whole number of ${diskBlockBytes}-byte blocks`);
  const blocks: number[] = [];
  const words = new Uint32Array(disk.buffer, disk.byteOffset, disk.length >> 2);
  for (let b = 0; b < disk.length / diskBlockBytes; b++) {
    for (let w = b * (diskBlockBytes >> 2), end = w + (diskBlockBytes >> 2); w < end; w++)
      if (words[w] !== 0) {
        blocks.push(b);
        break;
      }
  }
  const packed = new Uint8Array(blocks.length * recordBytes);
  const view = new DataView(packed.buffer);
  blocks.forEach((b, i) => {
    view.setUint32(i * recordBytes, b, true);
    packed.set(disk.subarray(b * diskBlockBytes, (b + 1) * diskBlockBytes), i * recordBytes + 4);
  });
  return packed;
}

/** The disk image of `rawBytes` that `packed` (packDiskBlocks) describes, or an error that says what is wrong with it. */
export function unpackDiskBlocks(packed: Uint8Array, rawBytes: number, name = 'packed disk'): ArrayBuffer {
  if (rawBytes % diskBlockBytes !== 0) throw new Error(`${name}: a disk of ${rawBytes} bytes is not a whole number of ${diskBlockBytes}-byte blocks`);
  if (packed.length % recordBytes !== 0) throw new Error(`${name}: ${packed.length} bytes is not a whole number of ${recordBytes}-byte block records`);
  const disk = new Uint8Array(rawBytes);
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  let last = -1;
  for (let at = 0; at < packed.length; at += recordBytes) {
    const block = view.getUint32(at, true);
    if (block <= last || (block + 1) * diskBlockBytes > rawBytes)
      throw new Error(`${name}: block ${block} at byte ${at} is ${block <= last ? 'out of order' : `past the end of a ${rawBytes}-byte disk`}`);
    disk.set(packed.subarray(at + 4, at + recordBytes), block * diskBlockBytes);
    last = block;
  }
  return disk.buffer;
}
