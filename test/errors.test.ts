import { expect } from 'chai';
import { HTTPError } from '../src/index.js';

const http = (
  status: number,
  details: { providerMessage?: string; code?: string; type?: string },
): HTTPError => new HTTPError({ status, statusText: '', body: '', ...details }, { url: 'u' });

describe('HTTPError.contextExceeded', () => {
  it("recognises the providers' ways of saying the conversation is too long", () => {
    const tooLong = [
      http(400, { code: 'context_length_exceeded', providerMessage: 'Input tokens exceed' }),
      // llama.cpp's server
      http(400, { type: 'exceed_context_size_error', providerMessage: 'too big' }),
      http(400, { providerMessage: "This model's maximum context length is 8192 tokens." }),
      http(413, { providerMessage: 'Prompt exceeds the context window.' }),
    ];
    for (const error of tooLong) {
      expect(error.contextExceeded).to.equal(true);
      expect(error.message)
        .to.include('the conversation is too long for the model')
        .and.include('contextBudget')
        .and.include(error.providerMessage);
    }
  });

  it('is false for other errors, whose message is unchanged', () => {
    const other = [
      http(400, { providerMessage: 'Invalid value for temperature.' }),
      http(429, { code: 'context_length_exceeded', providerMessage: 'Slow down.' }),
      http(500, { providerMessage: 'context length exceeded somewhere upstream' }),
    ];
    for (const error of other) {
      expect(error.contextExceeded).to.equal(false);
      expect(error.message).to.equal(`HTTP ${error.status} from u: ${error.providerMessage}`);
    }
  });
});
