import { expect } from 'chai';
import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';
import { textReply, toolCallReply } from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import { checkAxeThenRemoveChats, createChat, find, waitFor } from './chat-test-utils.js';

/** Long-task durations seen while `run` ran (Chromium reports tasks over 50 ms). */
async function longTasksDuring(run: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  return durations;
}

describe('<tool-agent-chat> with long streamed tool arguments', function () {
  // 60,000 deltas through the real HTTP stack: seconds on a quiet machine, more on a busy one (speed is the bench's job).
  this.timeout(90_000);
  afterEach(checkAxeThenRemoveChats);

  it('streams 300 KB of arguments in 5-character deltas over HTTP into the card, complete and in linear time', async () => {
    const content = 'A line of a long note, with "quotes" and émoji 🚀.\n'.repeat(6000);
    const server = await mockServer.script([
      toolCallReply([{ name: 'save_note', arguments: { content } }], { argumentsChunkSize: 5 }),
      textReply('Saved.'),
    ]);
    let saved = '';
    const saveNote = new FunctionTool({
      name: 'save_note',
      description: 'Saves a note.',
      parameters: z.object({ content: z.string() }),
      execute: (args) => ((saved = args.content), 'ok'),
    });
    const chat = await createChat((c) => {
      c.baseURL = server.baseURL;
      c.noKey = true;
      c.tools = [saveNote];
    });
    let streamingSeen = false;
    const started = performance.now();
    const longTasks = await longTasksDuring(async () => {
      const done = chat.send('Save a long note');
      await waitFor(
        () => (find(chat, '.tool-arguments-streaming code')?.textContent?.length ?? 0) > 1000,
        'arguments streaming into the card',
        60_000,
      );
      streamingSeen = true;
      // Only the newest part stays on screen while it streams: laying out 300 KB every frame took long tasks.
      await waitFor(
        () => find(chat, '[part~="tool-arguments-elided"]'),
        'the note about earlier characters',
        60_000,
      );
      const code = find(chat, '.tool-arguments-streaming code');
      if (code) expect(code.textContent?.length ?? 0).to.be.below(8192 + 2048 + 200);
      await done;
    });
    const elapsed = performance.now() - started;
    expect(streamingSeen).to.equal(true);
    expect(saved).to.equal(content, 'the tool ran with every character');
    expect(find(chat, '[part~="tool-card"]')?.dataset['status']).to.equal('done');
    const shown = find(chat, '[part~="tool-argument-text"]')?.textContent ?? '';
    expect(shown.length).to.be.greaterThan(content.length - 10);
    console.log(
      `300 KB of arguments in 5-character deltas: ${elapsed.toFixed(0)} ms; long tasks: ${longTasks.length} (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
    );
  });
});
