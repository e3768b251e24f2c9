/**
 * Reads `read()` until `ok` holds or `ms` have passed, and returns the last reading. For a state the
 * page reaches a moment after an action (a commit, a focus move, a message): a fixed pause is too
 * short on a loaded machine and a false failure; a check of the final state waits for it instead.
 */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, every));
    value = await read();
  }
  return value;
}
