import { expect } from 'chai';
import {
  ChatMessage,
  ChatToolAgent,
  OpenAIChatAPI,
  ToolRegistry,
  type ChatResponseChunk,
} from '../../src/index.js';
import { describeChunk } from '../../demo/inspector/describe-chunk.js';
import { createToolDemoModel } from '../../demo/model/create-tool-demo-model.js';
import { demoTools } from '../../demo/tools/demo-tools.js';

describe('describeChunk', () => {
  it('shows the type, step and delta of every chunk of a tool round', async () => {
    const { fetch } = createToolDemoModel({ pacing: false });
    const agent = new ChatToolAgent({ chatApi: new OpenAIChatAPI({ model: 'demo-model', fetch }) });
    const chunks: ChatResponseChunk[] = [];
    for await (const chunk of agent.getStreamingResponse({
      messages: [ChatMessage.createUserMessage('what is 2 + 3?')],
      toolRegistry: new ToolRegistry(demoTools),
    }))
      chunks.push(chunk);
    const rows = chunks.map(describeChunk);
    const first = (type: string) => rows.find((row) => row.type === type);
    expect(first('reasoning-delta')).to.deep.equal({
      type: 'reasoning-delta',
      step: 0,
      delta: '"The"',
    });
    expect(first('tool-call-start')?.delta).to.match(/^calculator \(index 0, id call_demo_\d+\)$/);
    expect(first('tool-call-ready')?.delta).to.equal('calculator {"expression":"2 + 3"}');
    expect(first('tool-call-result')?.delta).to.equal(
      'calculator → ok: {"expression":"2 + 3","result":5}',
    );
    expect(
      rows
        .filter((row) => row.type === 'text-delta')
        .map((row) => JSON.parse(row.delta) as string)
        .join(''),
    ).to.equal('2 + 3 = **5**');
    expect(rows.at(-1)).to.include({ type: 'finish', step: 1 });
    expect(rows.at(-1)?.delta).to.match(
      /^finishReason stop, 3 messages, 13 chars, \d+ in \/ \d+ out tokens$/,
    );
  });

  it('clips long deltas', () => {
    const chunk = {
      type: 'text-delta',
      chunk: 'x'.repeat(500),
      reasoningChunk: '',
      step: 0,
      finished: false,
      finishedResponse: undefined,
      toolCallStart: undefined,
      toolCallResult: undefined,
      toolCallDelta: undefined,
      toolCallReady: undefined,
      contextTrimmed: undefined,
    } as const;
    expect(describeChunk(chunk).delta).to.have.length(161);
  });
});
