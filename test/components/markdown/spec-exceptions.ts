/**
 * Spec examples (outside the safety rules) we render differently from the spec, each with the
 * reason. Keys are `cm-<number>` (CommonMark 0.31.2) and `gfm-<number>` (GFM 0.29 extensions).
 * The conformance test fails when one of them starts passing, so the list stays true.
 */
export const SPEC_EXCEPTIONS: Readonly<Record<string, string>> = {
  // GFM's extended autolinks are on (bare URLs are common in model output); these CommonMark
  // examples show that plain CommonMark leaves a bare URL or address as text. We render what GFM's
  // own reference (cmark-gfm) renders for them.
  'cm-608': 'GFM extended autolink: the URL inside "< https://foo.bar >" is linked',
  'cm-611': 'GFM extended autolink: a bare https:// URL is linked',
  'cm-612': 'GFM extended autolink: a bare email address is linked',
};
