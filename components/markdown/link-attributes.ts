/** Sets the attributes every rendered link carries: a safe `href`, opened in a new, unrelated tab. */
export function makeLink(anchor: HTMLAnchorElement, href: string): void {
  anchor.href = href;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer nofollow';
}
