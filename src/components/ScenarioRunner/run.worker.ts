/// <reference lib="webworker" />
/**
 * The scenario runner's engine, off the page's main thread: a long scenario never freezes the tab,
 * reports progress as it goes, and is cancelled by terminating this worker.
 */
import { runWithProgress, type FromWorker, type ToWorker } from './runWithProgress';

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
let last = 0;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const result = runWithProgress(e.data.text, e.data.source, (time, until) => {
    // At most about 20 progress messages a second: the page only needs to see it move.
    const now = Date.now();
    if (now - last < 50 && time < until) return;
    last = now;
    post({ kind: 'progress', time, until });
  });
  post({ kind: 'done', result });
};
