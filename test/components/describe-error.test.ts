import { expect } from 'chai';
import {
  APIKeyFormatError,
  EventTooLargeError,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  TimeoutError,
  ToolAgentsError,
} from '../../src/index.js';
import { defaultChatStrings } from '../../components/chat-strings.js';
import { describeError as describeNotice } from '../../components/describe-error.js';

/** The notice in the English strings, as plain fields. */
function describeError(error: unknown): { title: string; detail: string; unauthorized: boolean } {
  const notice = describeNotice(error);
  const [title, detail] = notice.text(defaultChatStrings);
  return { title, detail, unauthorized: notice.unauthorized };
}

describe('describeError', () => {
  it('gives an HTTP error its status, meaning and the provider message', () => {
    const notice = describeError(
      new HTTPError({
        status: 429,
        statusText: 'Too Many Requests',
        body: '',
        providerMessage: 'Slow down',
      }),
    );
    expect(notice).to.deep.equal({
      title: 'HTTP 429: too many requests or quota exceeded',
      detail: 'Slow down',
      unauthorized: false,
    });
    expect(
      describeError(new HTTPError({ status: 418, statusText: "I'm a teapot", body: '' })).detail,
    ).to.equal("I'm a teapot");
    expect(describeError(new HTTPError({ status: 599, statusText: '', body: '' })).title).to.equal(
      'HTTP 599: the server failed',
    );
  });

  it('marks a 401 as unauthorized and says what to do', () => {
    const notice = describeError(
      new HTTPError({
        status: 401,
        statusText: 'Unauthorized',
        body: '',
        providerMessage: 'Invalid key',
      }),
    );
    expect(notice.unauthorized).to.equal(true);
    expect(notice.detail).to.equal('Invalid key Enter a valid API key, then retry.');
  });

  it('explains network, stream and malformed-stream failures', () => {
    expect(describeError(new NetworkError('Could not reach x.', 'Check CORS.'))).to.deep.equal({
      title: 'Could not reach the server',
      detail: 'Check CORS.',
      unauthorized: false,
    });
    expect(describeError(new StreamError({ providerMessage: 'overloaded' })).detail).to.equal(
      'overloaded',
    );
    expect(describeError(new IncompleteStreamError('cut')).title).to.equal(
      'The answer was cut short',
    );
    expect(describeError(new MalformedStreamError('Bad JSON in the stream.', '{')).detail).to.equal(
      'Bad JSON in the stream.',
    );
    expect(describeError(new ToolAgentsError('Loop failed.')).detail).to.equal('Loop failed.');
  });

  it('describes anything else thrown', () => {
    expect(describeError(new TypeError('boom'))).to.deep.equal({
      title: 'Something went wrong',
      detail: 'boom',
      unauthorized: false,
    });
    expect(describeError('plain').detail).to.equal('plain');
  });

  it('says which character of the key cannot be sent, and where, without the key', () => {
    const notice = describeError(
      new APIKeyFormatError({
        header: 'Authorization',
        character: 'zero-width space (U+200B)',
        position: 12,
      }),
    );
    expect(notice).to.deep.equal({
      title: 'The API key cannot be sent',
      detail:
        'It contains a zero-width space (U+200B) at position 12, probably copied along with it. Paste it again or type that part by hand.',
      unauthorized: false,
    });
    expect(
      describeError(
        new APIKeyFormatError({
          header: 'api-key',
          character: 'smart quote (U+2019)',
          position: 3,
        }),
      ).title,
    ).to.equal('The header "api-key" cannot be sent');
  });

  it('tells a server that never answered from an answer that stalled', () => {
    const response = describeError(new TimeoutError('response', 120_000));
    expect(response.title).to.equal('The server did not answer in time');
    expect(response.detail).to.include('120 s');
    const idle = describeError(new TimeoutError('idle', 1500));
    expect(idle.title).to.equal('The answer stalled');
    expect(idle.detail).to.include('1.5 s').and.to.include('kept');
  });

  it('names an oversized response apart from a malformed one', () => {
    const notice = describeError(
      new EventTooLargeError(1024, 'data: xxx', { url: 'https://host/v1/chat/completions' }),
    );
    expect(notice.title).to.equal('The server sent an oversized response');
    expect(notice.detail).to.include('1024 characters');
  });

  it('words a notice in the strings it is shown with, so a later override applies', () => {
    const notice = describeNotice(new HTTPError({ status: 404, statusText: '', body: '' }));
    const [title, detail] = notice.text({
      ...defaultChatStrings,
      httpTitle: (status, meaning) => `Fehler ${status}: ${meaning}`,
      http404: 'nicht gefunden',
      noServerMessage: 'Keine Nachricht.',
    });
    expect([title, detail]).to.deep.equal(['Fehler 404: nicht gefunden', 'Keine Nachricht.']);
  });
});
