/**
 * A strict JSON reader that says where: the line and column of a syntax error (Node's JSON.parse
 * names no position for most mistakes), a key given twice (JSON.parse keeps the last one silently;
 * a YAML file refuses it, and so does this), and where each field is, so that a problem found later
 * by the schema can name its line too. It checks the text; JSON.parse builds the value.
 */

export interface JsonProblem {
  offset: number;
  message: string;
}

type Path = (string | number)[];

/** Scans `text`; returns the first problem, or null. `onValue` is told where each value starts. */
export function scanJson(text: string, onValue?: (path: Path, offset: number) => void, maxDepth = 64): JsonProblem | null {
  let i = 0;
  const n = text.length;
  const path: Path = [];

  class Stop extends Error {
    constructor(readonly problem: JsonProblem) {
      super(problem.message);
    }
  }
  const fail = (message: string, at = i): never => {
    throw new Stop({ offset: at, message });
  };
  const describe = (at: number) => (at >= n ? 'the end of the file' : `"${text[at]}"`);
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const string = (): string => {
    const start = i;
    i++; // the opening quote
    let out = '';
    let run = i;
    while (true) {
      if (i >= n) fail('a string is never closed: expected a closing "', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('a control character (such as a line break) inside a string: expected \\n or a closing "');
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('expected four hex digits after \\u');
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
          i += 2;
        } else fail(`an unknown escape \\${e ?? ''}: expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`);
        run = i;
        continue;
      }
      i++;
    }
  };

  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe(i)}: expected a value (a number, a string in double quotes, true, false, null, an object or a list)`);
    i += m![0].length;
  };

  const value = (depth: number): void => {
    ws();
    onValue?.(path, i);
    if (depth > maxDepth) fail(`nested deeper than ${maxDepth} levels`);
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(text[i] === '}' ? 'a trailing comma before "}": JSON does not allow one' : `unexpected ${describe(i)}: expected a key in double quotes`);
        const keyAt = i;
        const key = string();
        if (seen.has(key)) fail(`the key "${key}" is given twice in this object`, keyAt);
        seen.add(key);
        ws();
        if (text[i] !== ':') fail(`unexpected ${describe(i)}: expected ":" after the key "${key}"`);
        i++;
        path.push(key);
        value(depth + 1);
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`unexpected ${describe(i)}: expected "," or "}" (is a comma missing?)`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        ws();
        if (text[i] === ']') fail('a trailing comma before "]": JSON does not allow one');
        path.push(k);
        value(depth + 1);
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`unexpected ${describe(i)}: expected "," or "]" (is a comma missing?)`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    number();
  };

  try {
    value(0);
    ws();
    if (i < n) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

/** Line and column (from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return { line, column: offset - last };
}
