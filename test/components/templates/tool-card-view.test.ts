import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import { axeViolations } from '../chat-test-utils.js';
import { mountCard, textData, toolCard, type MountedCard } from './tool-card-mount.js';

/** Every Unicode character the card must never render raw. */
const RAW_HIDDEN =
  /(?![\n\t])\p{Cc}|[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060-\u2064\uFEFF]/u;

function fields(card: HTMLElement): [string, string][] {
  return [...card.querySelectorAll('[part~="tool-argument-name"]')].map((name) => [
    name.textContent ?? '',
    name.nextElementSibling?.textContent?.trim() ?? '',
  ]);
}

function value(card: HTMLElement, name: string): HTMLElement {
  const term = [...card.querySelectorAll('[part~="tool-argument-name"]')].find(
    (candidate) => candidate.textContent === name,
  );
  const definition = term?.nextElementSibling;
  if (!(definition instanceof HTMLElement)) throw new Error(`no argument ${name}`);
  return definition;
}

describe('tool card view', () => {
  let mounted: MountedCard;
  beforeEach(() => {
    mounted = mountCard();
  });
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    mounted.remove();
  });

  it('shows the validated arguments the call runs with, not the model text, once they are known', () => {
    const card = mounted.show(
      toolCard({
        status: 'awaiting-approval',
        askingUser: true,
        argumentsText: '{"path":"/tmp/a","force":"yes"}',
        arguments: { path: '/tmp/a', force: true },
      }),
    );
    const args = card.querySelector<HTMLDetailsElement>('details[part~="tool-arguments"]');
    expect(args?.open).to.equal(true);
    expect(args?.dataset['source']).to.equal('validated');
    expect(fields(card)).to.deep.equal([
      ['path', '/tmp/a'],
      ['force', 'true'],
    ]);
    expect(
      value(card, 'force').querySelector('.tool-argument-literal')?.getAttribute('data-type'),
    ).to.equal('boolean');
  });

  it('falls back to the parsed model text before validation, and to the raw text when it is not JSON', () => {
    let card = mounted.show(toolCard({ status: 'running', argumentsText: '{"city":"Paris"}' }));
    expect(
      card.querySelector<HTMLElement>('details[part~="tool-arguments"]')?.dataset['source'],
    ).to.equal('model');
    expect(fields(card)).to.deep.equal([['city', 'Paris']]);
    card = mounted.show(toolCard({ status: 'failed', argumentsText: '{"city": Par' }));
    expect(card.querySelector('[part~="tool-arguments"] pre')?.textContent).to.equal(
      '{"city": Par',
    );
    card = mounted.show(toolCard({ status: 'done', argumentsText: '' }));
    expect(card.querySelector('[part~="tool-arguments"]')).to.equal(null);
    card = mounted.show(toolCard({ status: 'done', argumentsText: '{}', arguments: {} }));
    expect(card.querySelector('[part~="tool-arguments"]')?.textContent).to.contain('No arguments');
  });

  it('lays each field out by kind: text blocks with real line breaks, short text, plain scalars, nested JSON', () => {
    const body = 'Hi Ana,\n\nDoes 8 pm still work?\n\nBest,\nMax';
    const long = 'A subject line long enough that it no longer fits on one line next to its name.';
    const card = mounted.show(
      toolCard({
        status: 'awaiting-approval',
        arguments: {
          to: 'ana@example.com',
          body,
          subject: long,
          empty: '',
          count: 3,
          negative: -0,
          ratio: 0.5,
          dryRun: false,
          cc: null,
          options: { priority: 'high', tags: ['a', 'b'] },
          ids: [1, 2],
        },
      }),
    );
    expect(card.querySelector('dl[part~="tool-argument-list"]')).not.to.equal(null);
    const bodyBlock = value(card, 'body').querySelector('pre[part~="tool-argument-text"]');
    expect(bodyBlock?.textContent, 'real line breaks, not \\n escapes').to.equal(body);
    expect(
      value(card, 'subject').querySelector('pre[part~="tool-argument-text"]')?.textContent,
    ).to.equal(long);
    expect(value(card, 'to').querySelector('pre')).to.equal(null);
    expect(value(card, 'to').textContent?.trim()).to.equal('ana@example.com');
    expect(value(card, 'empty').textContent?.trim()).to.equal('empty text');
    expect(value(card, 'count').textContent?.trim()).to.equal('3');
    expect(value(card, 'negative').textContent?.trim()).to.equal('-0');
    expect(value(card, 'ratio').textContent?.trim()).to.equal('0.5');
    expect(value(card, 'dryRun').textContent?.trim()).to.equal('false');
    expect(value(card, 'cc').querySelector('[data-type="null"]')?.textContent).to.equal('null');
    expect(
      value(card, 'options').querySelector('pre[part~="tool-argument-json"]')?.textContent,
    ).to.equal('{\n  "priority": "high",\n  "tags": [\n    "a",\n    "b"\n  ]\n}');
    expect(
      value(card, 'ids').querySelector('pre[part~="tool-argument-json"]')?.textContent,
    ).to.equal('[\n  1,\n  2\n]');
    // A multi-line block keeps its breaks on screen.
    expect(getComputedStyle(bodyBlock!).whiteSpace).to.equal('pre-wrap');
  });

  it('shows a value that is not an object as it is', () => {
    const card = mounted.show(toolCard({ status: 'running', arguments: ['a', 'b'] }));
    expect(
      card.querySelector('[part~="tool-arguments"] pre[part~="tool-argument-json"]')?.textContent,
    ).to.equal('[\n  "a",\n  "b"\n]');
  });

  it('shows bidi overrides and invisible characters as codes in the name, keys, values, aria-labels and the result', () => {
    const name = 'gpj\u202E.exe';
    const card = mounted.show(
      toolCard({
        name,
        status: 'awaiting-approval',
        askingUser: true,
        arguments: {
          ['pa\u200Bth']: 'report\u202Efdp.exe',
          note: 'line one\u2066\nline two\u0007',
          nested: { x: 'a\u202Db' },
        },
      }),
    );
    expect(RAW_HIDDEN.test(textData(card)), 'no raw hidden character is rendered').to.equal(false);
    expect(card.querySelector('[part~="tool-name"]')?.textContent).to.equal('gpjU+202E.exe');
    expect(
      card.querySelector('[part~="tool-name"] [part~="hidden-char"]')?.getAttribute('title'),
    ).to.equal('RIGHT-TO-LEFT OVERRIDE');
    expect(card.getAttribute('aria-label')).to.equal('Tool call: gpj[U+202E].exe');
    expect(card.querySelector('[part~="approval"]')?.getAttribute('aria-label')).to.equal(
      'Allow gpj[U+202E].exe to run?',
    );
    expect(fields(card).map(([key]) => key)).to.deep.equal(['paU+200Bth', 'note', 'nested']);
    expect(value(card, 'paU+200Bth').textContent?.trim()).to.equal('reportU+202Efdp.exe');
    expect(value(card, 'note').textContent).to.equal('line oneU+2066\nline twoU+0007');
    expect(value(card, 'nested').textContent).to.contain('aU+202Db');
    expect(card.querySelector('[part~="tool-hidden-note"]')?.textContent).to.contain(
      'invisible or control characters',
    );
    // Each piece is its own left-to-right island, so no direction leaks into the next.
    for (const selector of [
      '[part~="tool-name"]',
      '.tool-argument-string',
      '[part~="tool-argument-name"] code',
      'pre code',
      '[part~="hidden-char"]',
    ]) {
      const element = card.querySelector(selector);
      expect(element, selector).not.to.equal(null);
      expect(getComputedStyle(element!).unicodeBidi, selector).to.equal('isolate');
      expect(getComputedStyle(element!).direction, selector).to.equal('ltr');
    }
    // The marker is really visible: a border and a colour of its own.
    const marker = card.querySelector<HTMLElement>('[part~="hidden-char"]')!;
    expect(marker.getBoundingClientRect().width).to.be.greaterThan(10);
    expect(getComputedStyle(marker).borderTopStyle).to.equal('solid');

    const finished = mounted.show(
      toolCard({
        name,
        status: 'done',
        arguments: { path: 'x' },
        resultText: '{"note":"ok\u202Ekaerb"}',
      }),
    );
    expect(RAW_HIDDEN.test(textData(finished))).to.equal(false);
    expect(finished.querySelector('[part~="tool-result"] pre')?.textContent).to.equal(
      '{\n  "note": "okU+202Ekaerb"\n}',
    );
  });

  it('has no warning when nothing is hidden', () => {
    const card = mounted.show(
      toolCard({ status: 'awaiting-approval', arguments: { text: 'שלום, مرحبا, hello\n❤\uFE0F' } }),
    );
    expect(card.querySelector('[part~="tool-hidden-note"]')).to.equal(null);
    expect(card.querySelector('[part~="hidden-char"]')).to.equal(null);
  });

  it('shows a denied call as not run, with the reason, in neutral colours rather than as an error', () => {
    const denied = mounted.show(
      toolCard({
        status: 'denied',
        arguments: { path: '/etc' },
        resultText: JSON.stringify({ error: 'The user denied this tool call. Reason: not /etc' }),
      }),
    );
    const status = denied.querySelector<HTMLElement>('[part~="tool-status"]')!;
    expect(status.textContent?.trim()).to.equal('Denied');
    expect(denied.getAttribute('part')).to.equal('tool-card tool-denied');
    const result = denied.querySelector<HTMLDetailsElement>('details[part~="tool-result"]')!;
    expect(result.querySelector('summary')?.textContent).to.equal('Not run');
    expect(result.open).to.equal(true);
    expect(result.querySelector('.tool-denial-reason')?.textContent).to.equal(
      'The user denied this tool call. Reason: not /etc',
    );
    const deniedColour = getComputedStyle(status).color;
    expect(getComputedStyle(denied).borderTopStyle).to.equal('dashed');

    const failed = mounted.show(
      toolCard({
        status: 'failed',
        arguments: { path: '/etc' },
        resultText: JSON.stringify({ error: 'disk on fire' }),
      }),
    );
    const failedStatus = failed.querySelector<HTMLElement>('[part~="tool-status"]')!;
    expect(failed.querySelector('details[part~="tool-result"] summary')?.textContent).to.equal(
      'Error',
    );
    expect(getComputedStyle(failedStatus).color, 'failed keeps the error colour').not.to.equal(
      deniedColour,
    );
    expect(getComputedStyle(failed).borderTopStyle).to.equal('solid');
    expect(failed.querySelector('details[part~="tool-result"] pre')?.textContent).to.contain(
      'disk on fire',
    );
  });

  it('has no axe violation in light or dark, hidden characters and denial included', async () => {
    mounted.show(
      toolCard({
        name: 'gpj\u202E.exe',
        status: 'awaiting-approval',
        askingUser: true,
        arguments: { body: 'a\nb\u200B', n: 1, o: { a: 1 }, s: 'x' },
        resultText: undefined,
      }),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme });
      expect(await axeViolations(mounted.host), colorScheme).to.deep.equal([]);
    }
    mounted.show(
      toolCard({
        status: 'denied',
        arguments: { path: '/etc' },
        resultText: '{"error":"The user denied this tool call."}',
      }),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme });
      expect(await axeViolations(mounted.host), colorScheme).to.deep.equal([]);
    }
  });
});
