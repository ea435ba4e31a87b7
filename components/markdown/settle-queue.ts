/** Settling work done per task before the browser gets a turn (layout, input, paint). */
const taskBudgetMs = 8;

const queue: (() => void)[] = [];
let next = 0;
let scheduled = false;

/**
 * Runs settling work in order, a few milliseconds per task. When the spec pass arrives, every
 * message on screen has groups waiting for it (50 restored messages at once): done in one go, that
 * was one long task.
 */
export function enqueueSettle(work: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    queue.push(() => {
      try {
        work();
        resolve();
      } catch (error) {
        reject(error);
      }
    });
    if (!scheduled) {
      scheduled = true;
      setTimeout(drain);
    }
  });
}

function drain(): void {
  const started = performance.now();
  while (next < queue.length && performance.now() - started < taskBudgetMs) queue[next++]!();
  if (next < queue.length) {
    setTimeout(drain);
    return;
  }
  queue.length = 0;
  next = 0;
  scheduled = false;
}
