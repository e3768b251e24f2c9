/**
 * The shipped files of static/vm/ read under Node, as createV86Machine takes them: for the state
 * script, the VM benches and the VM tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuestImages } from '../../src/vm/v86-emulator';

export const shippedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'static', 'vm');

/** A file of static/vm/, in an ArrayBuffer of its own (v86 keeps views on what it is given). */
export function shippedFile(path: string, dir = shippedDir): ArrayBuffer {
  const b = readFileSync(join(dir, path));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** The firmware, kernel and initrd of static/vm/, to boot with the manifest's command line. */
export function shippedImages(cmdline: string, dir = shippedDir): GuestImages {
  return {
    bios: shippedFile('bios.bin', dir),
    vgaBios: shippedFile('vgabios.bin', dir),
    bzImage: shippedFile('bzImage', dir),
    initrd: shippedFile('initrd.img', dir),
    cmdline,
  };
}
