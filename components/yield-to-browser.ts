interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Lets the browser paint and handle input before the caller goes on. A stream whose network
 * reads each hold hundreds of events is otherwise handled in one task per read (seen: a second
 * long with 300 KB of tool arguments). `scheduler.yield()` where there is one, else a message
 * round trip (not `setTimeout`, which nested calls clamp to 4 ms).
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
