import { expect } from 'chai';
import { secretHeaderValues } from '../../src/provider/secret-headers.js';

describe('secretHeaderValues', () => {
  it('takes the values of credential headers, and the token after an auth scheme', () => {
    expect(
      secretHeaderValues({
        'api-key': 'azure-key',
        'X-API-Key': 'x-key',
        Authorization: 'Bearer tok-123',
        'X-Auth-Token': 'abc',
      }),
    ).to.deep.equal(['azure-key', 'x-key', 'Bearer tok-123', 'tok-123', 'abc']);
  });

  it('leaves ordinary headers out', () => {
    expect(
      secretHeaderValues({
        'HTTP-Referer': 'https://app.example',
        'X-Title': 'My app',
        'Content-Type': 'application/json',
      }),
    ).to.deep.equal([]);
  });
});
