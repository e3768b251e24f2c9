/** The packed form of the instant start's formatted disk: its non-zero blocks only (src/vm/state-file.ts). */
import { describe, expect, it } from 'vitest';
import { diskBlockBytes, packDiskBlocks, unpackDiskBlocks } from '../../src/vm/state-file';

const disk = (blocks: number, written: Record<number, number>) => {
  const d = new Uint8Array(blocks * diskBlockBytes);
  for (const [block, byte] of Object.entries(written)) d[Number(block) * diskBlockBytes + 17] = byte;
  return d;
};

describe('packDiskBlocks / unpackDiskBlocks', () => {
  it('keeps the non-zero blocks only, each with its index, and gives the same image back', () => {
    const image = disk(64, { 0: 1, 5: 255, 63: 7 });
    image[5 * diskBlockBytes + diskBlockBytes - 1] = 9; // a block's last byte counts too
    const packed = packDiskBlocks(image);
    expect(packed.length).toBe(3 * (4 + diskBlockBytes));
    expect([0, 1, 2].map((i) => new DataView(packed.buffer).getUint32(i * (4 + diskBlockBytes), true))).toEqual([0, 5, 63]);
    expect(new Uint8Array(unpackDiskBlocks(packed, image.length))).toEqual(image);
  });

  it('packs an all-zero disk to nothing, and unpacks nothing to a zero disk of the size asked', () => {
    expect(packDiskBlocks(disk(8, {})).length).toBe(0);
    expect(new Uint8Array(unpackDiskBlocks(new Uint8Array(0), 8 * diskBlockBytes))).toEqual(disk(8, {}));
  });

  it('refuses what is not a packed disk, saying what is wrong', () => {
    const packed = packDiskBlocks(disk(8, { 2: 1, 6: 1 }));
    expect(() => unpackDiskBlocks(packed.subarray(0, 100), 8 * diskBlockBytes, 'd.gz')).toThrow(
      'd.gz: 100 bytes is not a whole number of 4100-byte block records',
    );
    expect(() => unpackDiskBlocks(packed, 4 * diskBlockBytes, 'd.gz')).toThrow('d.gz: block 6 at byte 4100 is past the end of a 16384-byte disk');
    const swapped = new Uint8Array(packed);
    swapped.set(packed.subarray(4100), 0);
    swapped.set(packed.subarray(0, 4100), 4100);
    expect(() => unpackDiskBlocks(swapped, 8 * diskBlockBytes, 'd.gz')).toThrow('d.gz: block 2 at byte 4100 is out of order');
    expect(() => packDiskBlocks(new Uint8Array(100))).toThrow('a disk image of 100 bytes is not a whole number of 4096-byte blocks');
  });
});
