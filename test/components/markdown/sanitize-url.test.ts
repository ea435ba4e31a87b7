import { expect } from 'chai';
import { sanitizeUrl } from '../../../components/markdown/index.js';

describe('sanitizeUrl', () => {
  it('accepts absolute http, https and mailto URLs, normalised', () => {
    expect(sanitizeUrl('https://example.com')).to.equal('https://example.com/');
    expect(sanitizeUrl('HTTP://Example.COM/a b?q="x"')).to.equal(
      'http://example.com/a%20b?q=%22x%22',
    );
    expect(sanitizeUrl('mailto:me@example.com')).to.equal('mailto:me@example.com');
    expect(sanitizeUrl('  https://example.com/x  ')).to.equal('https://example.com/x');
  });

  const refused = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    '\u00a0javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'ftp://example.com/',
    'about:blank',
    '/relative/path',
    'relative/path',
    '//evil.example/x',
    '#fragment',
    '?query',
    'https://',
    'http:/',
    '',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(sanitizeUrl(url)).to.equal(undefined);
    });
  }
});
