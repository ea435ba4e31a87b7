// Runs in Chromium: streams an answer through each rendering strategy and times every append.
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import * as smd from 'streaming-markdown';
import { MarkdownStream } from '../../components/markdown/markdown-stream.ts';
import { renderMarkdown } from '../../components/markdown/render-markdown.ts';
import { sanitizeUrl } from '../../components/markdown/sanitize-url.ts';
import { generateAnswer } from './answer.mjs';

/** Lower bound: plain text streamed into paragraphs split at blank lines. */
function plainParagraphs(container) {
  let text;
  let newlines = 0;
  return {
    append(chunk) {
      for (const piece of chunk.split(/(\n)/)) {
        if (piece === '\n') newlines++;
        else if (piece !== '') {
          if (text === undefined || newlines >= 2) {
            text = document.createTextNode('');
            container.appendChild(document.createElement('p')).appendChild(text);
          } else if (newlines === 1) text.appendData('\n');
          newlines = 0;
          text.appendData(piece);
        }
      }
    },
    end() {},
  };
}

/** Ours: the append-only renderer. */
function ours(container) {
  const stream = new MarkdownStream(container);
  return { append: (chunk) => stream.append(chunk), end: () => stream.end() };
}

/** Not streaming: the same DOM built from the whole text in one call, the floor for building it. */
function whole(container) {
  let source = '';
  return {
    append: (chunk) => void (source += chunk),
    end: () => renderMarkdown(container, source),
  };
}

/** The known trap: re-parse and re-sanitise the whole message on every chunk. */
function naive(container) {
  let source = '';
  const render = () => {
    const fragment = DOMPurify.sanitize(marked.parse(source, { async: false }), {
      RETURN_DOM_FRAGMENT: true,
    });
    container.replaceChildren(fragment);
  };
  return { append: (chunk) => ((source += chunk), render()), end: render };
}

/** streaming-markdown with a wrapper renderer that filters link/image URLs. */
function streamingMarkdown(container) {
  const base = smd.default_renderer(container);
  const renderer = {
    ...base,
    set_attr: (data, type, value) => {
      if (type === smd.HREF || type === smd.SRC) {
        const safe = sanitizeUrl(value);
        if (safe !== undefined) smd.default_set_attr(data, type, safe);
        return;
      }
      smd.default_set_attr(data, type, value);
    },
  };
  const parser = smd.parser(renderer);
  return { append: (chunk) => smd.parser_write(parser, chunk), end: () => smd.parser_end(parser) };
}

const STRATEGIES = {
  plain: plainParagraphs,
  ours,
  whole,
  naive,
  'streaming-markdown': streamingMarkdown,
};

window.runBench = ({ strategy, tokens, chunkSize, frames }) => {
  const text = generateAnswer(tokens);
  const chunks = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  const host = document.getElementById('host');
  host.replaceChildren();
  void host.offsetHeight;
  window.gc?.();
  const container = host.appendChild(document.createElement('div'));
  const renderer = STRATEGIES[strategy](container);
  let script = 0;
  let layout = 0;
  let longest = 0;
  const loopStart = performance.now();
  for (const chunk of chunks) {
    const t0 = performance.now();
    renderer.append(chunk);
    const t1 = performance.now();
    // With frames, reading a layout property stands in for the frame rendered between network chunks.
    if (frames) void container.offsetHeight;
    const t2 = performance.now();
    script += t1 - t0;
    layout += t2 - t1;
    longest = Math.max(longest, t2 - t0);
  }
  const t0 = performance.now();
  renderer.end();
  const t1 = performance.now();
  void container.offsetHeight;
  const t2 = performance.now();
  // Without frames the loop holds no layout, so one clock pair around it beats summing 20,000 tiny spans.
  if (!frames) script = t0 - loopStart;
  script += t1 - t0;
  layout += t2 - t1;
  return {
    strategy,
    tokens,
    frames,
    chars: text.length,
    appends: chunks.length,
    script,
    layout,
    total: script + layout,
    // Without frames the end() step carries the layout of the whole document, which streaming never does.
    longest: frames ? Math.max(longest, t2 - t0) : longest,
    nodes: container.getElementsByTagName('*').length,
    isolated: window.crossOriginIsolated,
  };
};
