import { expect } from 'chai';
import { displayURL, joinURL, networkFailureHint } from '../../src/provider/endpoint-url.js';

describe('endpoint URLs', () => {
  it('joins base and path with one slash and keeps the query string', () => {
    expect(joinURL('https://api.openai.com/v1/', '/chat/completions')).to.equal(
      'https://api.openai.com/v1/chat/completions',
    );
    expect(
      joinURL(
        'https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21',
        'chat/completions',
      ),
    ).to.equal(
      'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21',
    );
  });

  it('shows URLs without credentials, query or fragment', () => {
    expect(displayURL('https://user:pass@example.test/v1/chat/completions?key=secret#x')).to.equal(
      'https://example.test/v1/chat/completions',
    );
  });

  it('hints at CORS for cross-origin endpoints and names the local-server switches', () => {
    const hint = networkFailureHint('http://localhost:11434/v1/chat/completions');
    expect(hint).to.include('CORS').and.to.include('OLLAMA_ORIGINS');
  });

  it("names the fix for the endpoint's provider", () => {
    const hint = (url: string) => networkFailureHint(url);
    expect(hint('http://localhost:1234/v1/chat/completions')).to.include('Enable CORS');
    expect(hint('http://localhost:8080/v1/chat/completions')).to.include('--cors-origins');
    expect(hint('https://api.groq.com/openai/v1/chat/completions')).to.include(
      'Groq accepts browser requests',
    );
    expect(
      hint('https://generativelanguage.googleapis.com/v1beta/openai/chat/completions'),
    ).to.include('Gemini');
    expect(hint('https://llm.example.test/v1/chat/completions'))
      .to.include('https://llm.example.test')
      .and.to.include('proxy');
  });
});
