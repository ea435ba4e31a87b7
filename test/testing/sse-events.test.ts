import { expect } from 'chai';
import { sseEvent, sseEvents } from '../../src/testing/index.js';
import { parseSSE } from '../helpers/index.js';

const parse = (body: string): string[] => parseSSE([new TextEncoder().encode(body)]);

describe('sseEvents', () => {
  it('sends objects as compact JSON events and ends with [DONE]', () => {
    const body = sseEvents([{ a: 1 }, { b: 'x' }]);
    expect(body).to.equal('data: {"a":1}\n\ndata: {"b":"x"}\n\ndata: [DONE]\n\n');
    expect(parse(body)).to.deep.equal(['{"a":1}', '{"b":"x"}', '[DONE]']);
  });

  it('leaves out [DONE] when done is false', () => {
    expect(sseEvents([{ a: 1 }], { done: false })).to.equal('data: {"a":1}\n\n');
  });

  it('sends strings as they are, so broken JSON can be scripted', () => {
    expect(parse(sseEvents(['{"broken":', '[DONE]'], { done: false }))).to.deep.equal([
      '{"broken":',
      '[DONE]',
    ]);
  });

  it('splits multi-line data over several data lines so it parses back whole', () => {
    expect(sseEvent('line 1\nline 2')).to.equal('data: line 1\ndata: line 2\n\n');
    expect(parse(sseEvent('line 1\r\nline 2'))).to.deep.equal(['line 1\nline 2']);
  });

  it('refuses a payload that has no JSON form', () => {
    expect(() => sseEvent(undefined)).to.throw(TypeError);
  });
});
