/**
 * Widget state in the URL, for share links. Each widget instance owns one query parameter
 * (`w-<id>`) holding URL-safe JSON; it is parsed with the widget's zod schema, so a malformed or
 * hostile value falls back to the default with a notice and is never executed or rendered as HTML.
 */
import { useEffect, useState } from 'react';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { paramName } from './linkState';

// A link's notice quotes zod's message: English, as full zod words it, even in a widget whose chunk
// holds no other schema module (each of those configures the same).
z.config(en());

const maxLength = 4000;

export { paramName } from './linkState';

export type Decoded<T> = { ok: true; value: T } | { ok: false; notice: string };

export function decodeState<T>(raw: string | null, schema: z.ZodMiniType<T>): Decoded<T> | null {
  if (raw === null || raw === '') return null;
  if (raw.length > maxLength) return { ok: false, notice: `The shared link's state is too long (${raw.length} characters); showing the default instead.` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, notice: "The shared link's state is not valid JSON; showing the default instead." };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'state';
    return { ok: false, notice: `The shared link's state is not valid (${where}: ${issue.message}); showing the default instead.` };
  }
  return { ok: true, value: parsed.data };
}

export function encodeState(value: unknown): string {
  return JSON.stringify(value);
}

/** A link to the current page with this widget's state in it. */
export function shareLink(id: string, value: unknown, location: { href: string }): string {
  const url = new URL(location.href);
  url.searchParams.set(paramName(id), encodeState(value));
  url.hash = id;
  return url.toString();
}

/**
 * Reads the widget's state from the URL once on the client (the server renders the default, so
 * hydration matches), and reports a notice when the URL held something unusable.
 */
export function useUrlState<T>(id: string, schema: z.ZodMiniType<T>, fallback: T): { initial: T; notice: string | null; loaded: boolean } {
  const [state, setState] = useState<{ initial: T; notice: string | null; loaded: boolean }>({ initial: fallback, notice: null, loaded: false });
  useEffect(() => {
    const raw = new URLSearchParams(window.location.search).get(paramName(id));
    const decoded = decodeState(raw, schema);
    if (decoded === null) setState({ initial: fallback, notice: null, loaded: true });
    else if (decoded.ok) setState({ initial: decoded.value, notice: null, loaded: true });
    else setState({ initial: fallback, notice: decoded.notice, loaded: true });
    // Read once per mount: later changes are the reader's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return state;
}
