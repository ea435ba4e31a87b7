/**
 * The Chromium page of the render and memory benchmarks: `<tool-agent-chat>` and the two
 * references, all fed by the same stream through our core (OpenAIChatAPI + ChatToolAgent over a
 * custom `fetch`), so what differs between them is the rendering only. Plain JS (bundled by
 * esbuild, which reads src/ and components/ TypeScript), so the root's typecheck never needs
 * bench/node_modules.
 */
/* global MessageChannel, requestAnimationFrame, PerformanceObserver, DOMException, Element */
import '../../components/index.js';
import { ChatMessage, ChatToolAgent, OpenAIChatAPI } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { MarkdownStream, adoptMarkdownStyles } from '../../components/markdown/index.js';
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import * as smd from 'streaming-markdown';
import { endMarker, markdownDocument, tokenize } from '../lib/markdown-document.mjs';

/**
 * @typedef {{ renderer: 'element' | 'elementEveryRead' | 'markdown' | 'smd' | 'plain' | 'naive', tokens: number, tokensPerChunk: number, intervalMs: number, budgetMs: number }} RenderOptions
 *   tokensPerChunk: events per network read; intervalMs: between reads, 0 = as fast as possible
 *   (each read still its own task); budgetMs: stop the turn after this long (the naive reference).
 */

let prepared;
const host = () => document.getElementById('host');

// One macrotask, without the 4 ms clamp of nested timers: how a fast network read arrives.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const nextTask = () =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

/**
 * Paced reads follow a clock (read i is due at start + i × interval), so every renderer gets the
 * same stream over the same wall time and a slow consumer catches up instead of stretching it.
 */
function streamingFetch(reads, intervalMs) {
  return async () => {
    let next = 0;
    const start = performance.now();
    const body = new ReadableStream(
      {
        async pull(controller) {
          if (intervalMs > 0) {
            const wait = start + next * intervalMs - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            else await nextTask();
          } else await nextTask();
          if (next < reads.length) controller.enqueue(reads[next++].slice());
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}

/**
 * Builds the answer, its network reads and (for the element) the element; nothing is timed yet.
 * @param {RenderOptions} options
 */
async function prepare(options) {
  host().replaceChildren();
  const pieces = tokenize(markdownDocument(options.tokens));
  const reply = textReply(pieces);
  const encoder = new TextEncoder();
  const events = (reply.chunks ?? []).map((chunk) => chunk.text ?? '');
  const reads = [];
  for (let i = 0; i < events.length; i += options.tokensPerChunk)
    reads.push(encoder.encode(events.slice(i, i + options.tokensPerChunk).join('')));
  prepared = { options, tokens: pieces.length, reads };
  // The renderer alone as the README shows it: with its styles adopted (set up, not timed).
  if (options.renderer === 'markdown') adoptMarkdownStyles(host());
  if (options.renderer === 'element' || options.renderer === 'elementEveryRead') {
    const element = document.createElement('tool-agent-chat');
    element.style.cssText = 'display:block;height:600px;width:800px';
    element.setAttribute('model', 'bench-model');
    // The element as configured by default writes streamed text at most every 50 ms; this one
    // writes every read as it arrives, to show what that pacing saves.
    if (options.renderer === 'elementEveryRead') element.renderInterval = 0;
    host().append(element);
    await element.updateComplete;
    prepared.element = element;
  }
  return {
    tokens: pieces.length,
    reads: reads.length,
    bytes: reads.reduce((n, r) => n + r.length, 0),
  };
}

function agentStream(fetchImpl, signal) {
  const api = new OpenAIChatAPI({
    apiKey: 'bench',
    model: 'bench-model',
    fetch: fetchImpl,
    maxRetries: 0,
  });
  const agent = new ChatToolAgent({ chatApi: api, maxIterations: 1 });
  return agent.getStreamingResponse({
    messages: [ChatMessage.createUserMessage('Write the document.')],
    signal,
  });
}

/** The lower bound: text appended to paragraph nodes, a new paragraph at each blank line. */
async function runPlain(fetchImpl, signal) {
  const container = document.createElement('div');
  host().append(container);
  let paragraph = document.createElement('p');
  let node = document.createTextNode('');
  paragraph.append(node);
  container.append(paragraph);
  for await (const chunk of agentStream(fetchImpl, signal)) {
    if (!chunk.chunk) continue;
    const parts = chunk.chunk.split('\n\n');
    node.appendData(parts[0]);
    for (let i = 1; i < parts.length; i++) {
      paragraph = document.createElement('p');
      node = document.createTextNode(parts[i]);
      paragraph.append(node);
      container.append(paragraph);
    }
  }
  return container.textContent ?? '';
}

/** Our renderer alone (MarkdownStream, spec settle pass included), without the element around it. */
async function runMarkdown(fetchImpl, signal) {
  const container = document.createElement('div');
  host().append(container);
  const stream = new MarkdownStream(container);
  for await (const chunk of agentStream(fetchImpl, signal))
    if (chunk.chunk) stream.append(chunk.chunk);
  stream.end();
  await stream.settled();
  return container.textContent ?? '';
}

/** streaming-markdown (smd) with its default DOM renderer: the streaming peer. */
async function runSmd(fetchImpl, signal) {
  const container = document.createElement('div');
  host().append(container);
  const parser = smd.parser(smd.default_renderer(container));
  for await (const chunk of agentStream(fetchImpl, signal))
    if (chunk.chunk) smd.parser_write(parser, chunk.chunk);
  smd.parser_end(parser);
  return container.textContent ?? '';
}

/** The naive approach: the whole message re-rendered with marked + DOMPurify on every chunk. */
let processed = 0;

async function runNaive(fetchImpl, signal) {
  const container = document.createElement('div');
  host().append(container);
  let text = '';
  for await (const chunk of agentStream(fetchImpl, signal)) {
    if (!chunk.chunk) continue;
    processed++;
    text += chunk.chunk;
    container.innerHTML = DOMPurify.sanitize(marked.parse(text, { async: false }));
  }
  return container.textContent ?? '';
}

async function runElement(fetchImpl, signal) {
  const element = prepared.element;
  element.fetch = fetchImpl;
  signal.addEventListener('abort', () => element.stop());
  await element.send('Write the document.');
  await element.updateComplete;
  return element.shadowRoot?.textContent ?? '';
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Runs the prepared stream; returns wall time, rAF deltas, long tasks and whether all text arrived. */
async function go() {
  const { options, reads } = prepared;
  const fetchImpl = streamingFetch(reads, options.intervalMs);
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const deltas = [];
  let recording = true;
  let last = await frame();
  void (async () => {
    while (recording) {
      const now = await frame();
      deltas.push(now - last);
      last = now;
    }
  })();
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('budget', 'AbortError')),
    options.budgetMs,
  );
  processed = 0;
  const start = performance.now();
  let text = '';
  let error;
  try {
    if (options.renderer === 'plain') text = await runPlain(fetchImpl, controller.signal);
    else if (options.renderer === 'naive') text = await runNaive(fetchImpl, controller.signal);
    else if (options.renderer === 'markdown')
      text = await runMarkdown(fetchImpl, controller.signal);
    else if (options.renderer === 'smd') text = await runSmd(fetchImpl, controller.signal);
    else text = await runElement(fetchImpl, controller.signal);
  } catch (e) {
    error = String(e);
  }
  const streamMs = performance.now() - start;
  clearTimeout(timer);
  // Two frames so the last chunk's style, layout and paint are inside the measurement.
  await frame();
  await frame();
  const wallMs = performance.now() - start;
  recording = false;
  observer.disconnect();
  return {
    streamMs,
    wallMs,
    timedOut: controller.signal.aborted,
    complete: text.includes(endMarker),
    textLength: text.length,
    // Tokens rendered before the time budget ran out (naive only; the others always finish).
    processed,
    error,
    frameDeltas: deltas,
    longTasks,
    domNodes: countNodes(host()),
  };
}

/** Nodes under `root`, shadow roots included. */
function countNodes(root) {
  let count = 0;
  const walk = (node) => {
    count++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return count;
}

// ---- memory: a long conversation in one element ----

let chat;
let recorded = [];
let turnNumber = 0;

const turnAnswer = (n) =>
  `### Answer ${n}\n\nThe **${n % 7}** agents streamed \`chunk-${n}\` over fetch, see [docs](https://example.com/${n}).\n\n- first item ${n}\n- second item\n- third item\n\n| key | value |\n| --- | --- |\n| turn | ${n} |\n| ok | yes |\n\n\`\`\`js\nconst turn = ${n};\n\`\`\`\n\nDone with turn ${n}.`;

async function memorySetup() {
  host().replaceChildren();
  let answered = 0;
  const scriptedFetch = createScriptedFetch(() => textReply(turnAnswer(++answered)));
  // The scripted endpoint records every request body (the whole conversation each time): emptied
  // after each turn, so the harness's own O(turns²) record is not counted as the element's memory.
  recorded = scriptedFetch.requests;
  const scripted = scriptedFetch.fetch;
  chat = document.createElement('tool-agent-chat');
  chat.style.cssText = 'display:block;height:600px;width:800px';
  chat.fetch = scripted;
  host().append(chat);
  await chat.updateComplete;
}

/** Runs `count` more turns; returns how many turns the element has run so far. */
async function memoryTurns(count) {
  for (let i = 0; i < count; i++) {
    turnNumber++;
    await chat.send(`Question ${turnNumber}?`);
    recorded.length = 0;
  }
  await chat.updateComplete;
  await frame();
  const text = chat.shadowRoot?.textContent ?? '';
  return {
    turns: turnNumber,
    lastComplete: text.includes(`Done with turn ${turnNumber}.`),
    nodes: countNodes(host()),
  };
}

Object.assign(globalThis, { benchPage: { prepare, go, memorySetup, memoryTurns } });
