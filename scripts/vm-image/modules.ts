/**
 * Kernel modules for the guest's disk, taken from the kernel package itself. Debian builds the IDE
 * and ext4 drivers as modules, and the package carries no modules.dep (depmod runs at install time),
 * so the dependencies are read from each module's own `.modinfo` ELF section ("depends=a,b") and
 * resolved here into an insmod order. No modinfo, depmod or xz needed: the 686 flavour's modules
 * are plain uncompressed `.ko` ELF32 files (a compressed one is refused with a clear error).
 */

/** The key=value strings of a module's `.modinfo` section (a key may repeat, e.g. alias). */
export function readModinfo(ko: Uint8Array, where = 'module'): Array<[string, string]> {
  const buf = Buffer.from(ko.buffer, ko.byteOffset, ko.byteLength);
  if (buf.length < 52 || buf.readUInt32BE(0) !== 0x7f454c46) {
    const compressed = buf[0] === 0xfd || buf[0] === 0x28 || buf[0] === 0x1f;
    throw new Error(`${where}: not an ELF file${compressed ? ' (compressed? only plain .ko are handled)' : ''}`);
  }
  if (buf[4] !== 1 || buf[5] !== 1) throw new Error(`${where}: expected a little-endian ELF32 module (i386)`);
  const shoff = buf.readUInt32LE(0x20);
  const shentsize = buf.readUInt16LE(0x2e);
  const shnum = buf.readUInt16LE(0x30);
  const shstrndx = buf.readUInt16LE(0x32);
  const section = (i: number) => {
    const at = shoff + i * shentsize;
    return { name: buf.readUInt32LE(at), offset: buf.readUInt32LE(at + 16), size: buf.readUInt32LE(at + 20) };
  };
  const names = section(shstrndx);
  const nameOf = (n: number) => buf.toString('latin1', names.offset + n, buf.indexOf(0, names.offset + n));
  for (let i = 0; i < shnum; i++) {
    const s = section(i);
    if (nameOf(s.name) !== '.modinfo') continue;
    return buf
      .toString('latin1', s.offset, s.offset + s.size)
      .split('\0')
      .filter((x) => x.includes('='))
      .map((x) => [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)] as [string, string]);
  }
  throw new Error(`${where}: no .modinfo section`);
}

/** A module's dependencies by module name ("depends=" is comma separated, possibly empty). */
export function moduleDepends(ko: Uint8Array, where?: string): string[] {
  const dep = readModinfo(ko, where).find(([k]) => k === 'depends')?.[1] ?? '';
  return dep.split(',').filter((d) => d !== '');
}

/**
 * The modules to load, dependencies first, for the wanted ones. `find` maps a module name (as
 * modinfo writes it, with '_' or '-') to its file's bytes, or undefined when the kernel has none.
 */
export function insmodOrder(
  wanted: readonly string[],
  find: (name: string) => { path: string; data: Uint8Array } | undefined,
): Array<{ name: string; path: string; data: Uint8Array; depends: string[] }> {
  const out: Array<{ name: string; path: string; data: Uint8Array; depends: string[] }> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]) => {
    const key = name.replace(/-/g, '_');
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') throw new Error(`module dependency cycle: ${[...chain, name].join(' -> ')}`);
    const found = find(key);
    if (!found) throw new Error(`module ${name} (needed by ${chain.join(' -> ') || 'the guest'}) is not in the kernel package`);
    state.set(key, 'visiting');
    const depends = moduleDepends(found.data, found.path);
    for (const d of depends) visit(d, [...chain, name]);
    state.set(key, 'done');
    out.push({ name: key, path: found.path, data: found.data, depends });
  };
  for (const w of wanted) visit(w, []);
  return out;
}
