/** Small helpers the engine, the quizzes and the site share: one definition each. */

/** A zod issue path as a reader writes it: `regions[0].azs[1].hosts`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The end of an exhaustive switch: a compile error if a case is missing, a thrown error if a value slips through at run time. */
export function assertNever(x: never): never {
  throw new Error(`unhandled: ${JSON.stringify(x)}`);
}

/**
 * Virtual time for people. As digits (timelines, logs): "0:05", "12:30", "1:02:03", "2 d 01:00:00", with tenths
 * only when the time has them ("0:30.5"). In words (sentences a screen reader speaks): "0 s", "45 s",
 * "2 min 5 s", "1 h 30 s", "2 d 1 h".
 */
export function formatClock(seconds: number, style: 'digits' | 'words' = 'digits'): string {
  const s = Math.round(seconds * 10) / 10;
  const d = Math.floor(s / 86400);
  const h = Math.floor((s - d * 86400) / 3600);
  const m = Math.floor((s - d * 86400 - h * 3600) / 60);
  const rest = Math.round((s - d * 86400 - h * 3600 - m * 60) * 10) / 10;
  if (style === 'words') {
    const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : '', rest || (!d && !h && !m) ? `${rest} s` : ''];
    return parts.filter(Boolean).join(' ');
  }
  const two = (n: number) => String(n).padStart(2, '0');
  const sec = Number.isInteger(rest) ? two(rest) : rest.toFixed(1).padStart(4, '0');
  if (d > 0) return `${d} d ${two(h)}:${two(m)}:${sec}`;
  return h > 0 ? `${h}:${two(m)}:${sec}` : `${m}:${sec}`;
}
