import { expect } from 'chai';
import {
  ChatMessage,
  ChatToolAgent,
  OpenAIChatAPI,
  ToolRegistry,
  type ChatResponseChunk,
  type ToolApprovalHandler,
} from '../../src/index.js';
import { createToolDemoModel } from '../../demo/model/create-tool-demo-model.js';
import { demoTools } from '../../demo/tools/demo-tools.js';

interface Turn {
  readonly chunks: ChatResponseChunk[];
  readonly text: string;
  readonly requests: number;
}

async function ask(
  question: string,
  approve?: ToolApprovalHandler,
  earlier: readonly ChatMessage[] = [],
): Promise<Turn & { readonly messages: readonly ChatMessage[] }> {
  const model = createToolDemoModel({ pacing: false });
  const api = new OpenAIChatAPI({
    model: 'demo-model',
    baseURL: 'http://demo.invalid/v1',
    fetch: model.fetch,
  });
  const agent = new ChatToolAgent({ chatApi: api, approveToolCall: approve });
  const chunks: ChatResponseChunk[] = [];
  const messages = [...earlier, ChatMessage.createUserMessage(question)];
  let text = '';
  let added: readonly ChatMessage[] = [];
  for await (const chunk of agent.getStreamingResponse({
    messages,
    toolRegistry: new ToolRegistry(demoTools),
  })) {
    chunks.push(chunk);
    if (chunk.finished) {
      text = chunk.finishedResponse.response;
      added = chunk.finishedResponse.messages;
    }
  }
  return { chunks, text, requests: model.requests.length, messages: [...messages, ...added] };
}

/** Asks each question in turn, in one conversation; the answers' texts. */
async function conversation(...questions: string[]): Promise<string[]> {
  let messages: readonly ChatMessage[] = [];
  const texts: string[] = [];
  for (const question of questions) {
    const turn = await ask(question, undefined, messages);
    texts.push(turn.text);
    messages = turn.messages;
  }
  return texts;
}

const results = (turn: Turn): unknown[] =>
  turn.chunks.flatMap((chunk) =>
    chunk.type === 'tool-call-result' ? [chunk.toolCallResult.result] : [],
  );

describe('the demo page model', () => {
  it('answers "what is 17 * 23?" with 391 after a calculator round', async () => {
    const turn = await ask('what is 17 * 23?');
    const types = turn.chunks.map((chunk) => chunk.type);
    expect(types[0]).to.equal('reasoning-delta');
    const start = turn.chunks.find((chunk) => chunk.type === 'tool-call-start');
    expect(start?.toolCallStart?.name).to.equal('calculator');
    const ready = turn.chunks.find((chunk) => chunk.type === 'tool-call-ready');
    expect(ready?.type === 'tool-call-ready' && ready.toolCallReady.arguments).to.deep.equal({
      expression: '17 * 23',
    });
    expect(results(turn)).to.deep.equal([{ expression: '17 * 23', result: 391 }]);
    expect(turn.requests).to.equal(2);
    expect(turn.text).to.equal('17 * 23 = **391**');
    expect(
      turn.chunks.filter((chunk) => chunk.type === 'text-delta').every((chunk) => chunk.step === 1),
    ).to.equal(true);
  });

  it('reports a calculator error back in words', async () => {
    const turn = await ask('what is 1/0?');
    expect(turn.text).to.match(/could not evaluate `1 \/ 0`: Division by zero/);
  });

  it('asks the clock for Tokyo in its IANA zone', async () => {
    const turn = await ask('What time is it in Tokyo?');
    const [result] = results(turn) as { timeZone: string; time: string }[];
    expect(result?.timeZone).to.equal('Asia/Tokyo');
    expect(turn.text).to.contain(`**${result?.time}** in Tokyo (Asia/Tokyo, GMT+9)`);
  });

  it('calls the clock once per place, in one step', async () => {
    const turn = await ask('what time is it in London and New York?');
    const starts = turn.chunks.filter((chunk) => chunk.type === 'tool-call-start');
    expect(starts.map((chunk) => chunk.step)).to.deep.equal([0, 0]);
    expect(turn.text).to.contain('**London**').and.contain('**New York**');
  });

  it('passes an unknown place on and relays the tool error', async () => {
    const turn = await ask('what time is it in Atlantis?');
    expect(turn.text).to.match(/Unknown time zone "Atlantis"/);
  });

  it('converts 10 km to miles with the converter', async () => {
    const turn = await ask('convert 10 km to miles');
    expect(results(turn)[0]).to.include({ result: 6.21371192237, to: 'mi' });
    expect(turn.text).to.equal('10 km = **6.21371 mi**');
  });

  it('relays a conversion between different kinds as an error', async () => {
    const turn = await ask('convert 3 kg to miles');
    expect(turn.text).to.match(
      /could not convert that: Cannot convert kg \(mass\) to mi \(length\)/,
    );
  });

  it('asks for approval before the email tool, and runs it when approved', async () => {
    const asked: string[] = [];
    const turn = await ask('send an email to ada@example.com about lunch', (request) => {
      asked.push(request.name);
      return true;
    });
    expect(asked).to.deep.equal(['send_email']);
    const ready = turn.chunks.find((chunk) => chunk.type === 'tool-call-ready');
    expect(ready?.type === 'tool-call-ready' && ready.toolCallReady.requiresApproval).to.equal(
      true,
    );
    expect(turn.text).to.match(/email to \*\*ada@example.com\*\* \("Lunch"\) was sent/);
  });

  it('says it did not send the email when denied', async () => {
    const turn = await ask('send an email to ada@example.com about lunch', () => false);
    expect(turn.text).to.match(/did \*\*not\*\* send/);
  });

  it('streams reasoning before the answer for a comparison', async () => {
    const turn = await ask('Which is bigger, 9.11 or 9.9?');
    const reasoning = turn.chunks
      .filter((chunk) => chunk.type === 'reasoning-delta')
      .map((chunk) => chunk.reasoningChunk)
      .join('');
    expect(reasoning).to.contain('9.11');
    expect(turn.text).to.match(/^\*\*9\.9\*\* is bigger than 9\.11/);
  });

  it('streams markdown with a heading, list, table and code', async () => {
    const turn = await ask('show me some markdown');
    expect(turn.text)
      .to.contain('## ')
      .and.contain('1. ')
      .and.contain('|---|')
      .and.contain('```ts');
  });

  it('tells a long story (hundreds of words) on request', async () => {
    const turn = await ask('tell me a long story');
    expect(turn.text.split(/\s+/u).length).to.be.greaterThan(700);
  });

  it('greets with examples and admits being offline for anything else', async () => {
    expect((await ask('hello')).text).to.contain('What is twelve times eight?');
    expect((await ask('what is the meaning of life?')).text).to.match(
      /^Sorry, I cannot answer general-knowledge questions\. I am the offline \*\*demo model\*\*/,
    );
  });

  it("answers the issue's own-words questions with the right tool", async () => {
    const cases: readonly (readonly [string, RegExp])[] = [
      ["what's twelve times eight", /^12 \* 8 = \*\*96\*\*$/],
      ['how much is 1234 minus 5678', /^1234 - 5678 = \*\*-4,444\*\*$/],
      ['how many pounds is 70 kilograms', /^70 kg = \*\*154\.324 lb\*\*$/],
      ['3 feet in centimeters', /^3 ft = \*\*91\.44 cm\*\*$/],
      ['square root of 144 plus 2^10', /^sqrt\(144\) \+ 2\^10 = \*\*1,036\*\*$/],
      [
        "what's the time in New York right now?",
        /^It is \*\*\d\d:\d\d\*\* in New York \(America\/New_York, GMT-[45]\)/,
      ],
    ];
    for (const [question, answer] of cases)
      expect((await ask(question)).text, question).to.match(answer);
  });

  it('resolves follow-ups from the conversation it is sent', async () => {
    expect(
      await conversation('what is 12 times 8', 'double that', 'and divided by 3?'),
    ).to.deep.equal(['12 * 8 = **96**', '2 * 96 = **192**', '192 / 3 = **64**']);
    expect(
      await conversation('convert 10 km to miles', 'what about 20 miles?', 'now in feet'),
    ).to.deep.equal(['10 km = **6.21371 mi**', '20 mi = **32.1869 km**', '20 mi = **105,600 ft**']);
    const [, paris] = await conversation('what time is it in Tokyo?', 'and in Paris?');
    expect(paris).to.match(/in Paris \(Europe\/Paris, GMT\+[12]\)/);
    const [, shorter] = await conversation('tell me a long story', 'make that shorter');
    expect(shorter).to.match(/^In one sentence: A lighthouse keeper/);
  });

  it('tells the time difference between two places', async () => {
    expect((await ask('time difference between London and Tokyo')).text).to.match(
      /London is \*\*(?:8|9) hours behind\*\* Tokyo/,
    );
  });

  it('answers small talk briefly, without tools', async () => {
    for (const question of [
      'hi there!',
      'thanks!',
      'who are you?',
      'what can you do?',
      'tell me a joke',
      'bye',
    ]) {
      const turn = await ask(question);
      expect(turn.requests, question).to.equal(1);
      expect(
        turn.chunks.some((chunk) => chunk.type === 'tool-call-start'),
        question,
      ).to.equal(false);
      expect(turn.text.split(/\s+/u).length, question).to.be.lessThan(120);
    }
  });

  it('says quickly what it cannot do, offering relevant things it can', async () => {
    const weather = await ask("what's the weather in London?");
    expect(weather.requests).to.equal(1);
    expect(weather.text)
      .to.match(/^Sorry, I cannot check the weather/)
      .and.contain('What time is it in London?');
    expect(weather.text.split(/\s+/u).length).to.be.lessThan(80);
    expect((await ask('what is 9/11?')).text)
      .to.contain('Calculate 9 divided by 11')
      .and.not.contain('=');
    expect((await ask('I have 2 cats')).text).to.match(/^Sorry, I cannot follow that one\./);
    expect((await ask('how much is 20 euros in dollars')).text).to.match(
      /cannot convert currencies/,
    );
    expect((await ask('write a python function to sort a list')).text).to.match(
      /cannot write or debug code/,
    );
  });
});
