/**
 * The name of a diagram's pre-drawn SVGs: a 53-bit hash (cyrb53) of its Mermaid source, trimmed.
 * The page computes it from the code block it renders, the drawing script from the same text, so
 * an edited diagram has no drawing until `npm run diagrams` runs again (the page then draws it in
 * the browser). Not a security hash: it only has to tell a few dozen diagrams apart.
 */
export function diagramKey(source: string): string {
  const text = source.trim();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The accessible title and description a diagram's source gives (`accTitle:` and `accDescr:` lines). */
export function diagramText(source: string): { title: string | null; description: string | null } {
  const line = (name: string) => new RegExp(`^\\s*${name}\\s*:\\s*(.+)$`, 'm').exec(source)?.[1].trim() ?? null;
  return { title: line('accTitle'), description: line('accDescr') };
}
