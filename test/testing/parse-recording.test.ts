import { expect } from 'chai';
import {
  parseRecording,
  RecordingFormatError,
  recordingFromSSE,
  type RecordingProblem,
} from '../../src/testing/index.js';

const valid = recordingFromSSE('data: {"choices":[]}\n\ndata: [DONE]\n\n', { title: 'T' });

function problemOf(input: unknown): {
  problem: RecordingProblem;
  message: string;
  version: unknown;
} {
  try {
    parseRecording(input);
  } catch (error) {
    expect(error).to.be.instanceOf(RecordingFormatError);
    const { problem, message, version, name } = error as RecordingFormatError;
    expect(name).to.equal('RecordingFormatError');
    return { problem, message, version };
  }
  throw new Error('expected parseRecording to throw');
}

describe('parseRecording', () => {
  it('returns a valid recording, from its JSON text or the parsed value', () => {
    expect(parseRecording(JSON.stringify(valid))).to.deep.equal(valid);
    expect(parseRecording(valid)).to.deep.equal(valid);
  });

  it('says when the text is not JSON', () => {
    expect(problemOf('{"version": 1,').problem).to.equal('not-json');
  });

  it('says when the value is not a recording at all', () => {
    for (const input of [null, [], { messages: [] }, 'true'])
      expect(problemOf(input)).to.include({ problem: 'not-a-recording' });
  });

  it('tells a recording from a newer version apart, with the version', () => {
    const failure = problemOf({ ...valid, version: 2, somethingNew: true });
    expect(failure).to.include({ problem: 'newer-version', version: 2 });
    expect(failure.message).to.include('Update tool-agents');
  });

  it('names the first wrong fields of a corrupt recording', () => {
    const [exchange] = valid.exchanges;
    const corrupt = {
      ...valid,
      exchanges: [
        { response: { ...exchange!.response, events: [{ atMs: -5, data: 'x' }], status: 'ok' } },
      ],
    };
    const failure = problemOf(corrupt);
    expect(failure.problem).to.equal('invalid');
    expect(failure.message).to.include('exchanges[0].response.status');
    expect(failure.message).to.match(/exchanges\[0\]\.response\.events\[0\]/u);
  });

  it('rejects a response with both events and a body, and a version that is not 1', () => {
    const [exchange] = valid.exchanges;
    expect(
      problemOf({ ...valid, exchanges: [{ response: { ...exchange!.response, body: '{}' } }] })
        .problem,
    ).to.equal('invalid');
    expect(problemOf({ ...valid, version: '1' }).problem).to.equal('invalid');
  });
});
