/**
 * Most characters of an answer the status region reads out. Laying out a 100 KB answer in that
 * hidden one-line region took the longest task of a long stream (60-240 ms), and a screen reader
 * reading it all in one go helps no one: the log holds the whole answer.
 */
export const announcedLength = 500;

/** The beginning of `answer` to announce: whole when short, else cut at a word and marked with "…". */
export function announcedAnswer(answer: string): string {
  if (answer.length <= announcedLength) return answer;
  const space = answer.lastIndexOf(' ', announcedLength);
  let end = space > announcedLength / 2 ? space : announcedLength;
  // Never cut a surrogate pair in half.
  const last = answer.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${answer.slice(0, end).trimEnd()}…`;
}
