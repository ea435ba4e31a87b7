/** An open container block, as the scanner needs to see it. */
type ContainerShape =
  | { readonly kind: 'quote' }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly marker: string }
  | { readonly kind: 'item'; readonly contentIndent: number };

/** A list item a line opens; `marker` is the bullet, or `.`/`)` for ordered lists. */
interface NewItem {
  readonly kind: 'item';
  readonly ordered: boolean;
  readonly marker: string;
  readonly start: number;
  readonly contentIndent: number;
}

/** A container block a line opens. */
export type NewContainer = { readonly kind: 'quote' } | NewItem;

/** The open leaf block the next line may continue. */
type OpenLeaf = 'none' | 'paragraph' | 'fence' | 'table' | 'header';

/** What the scanner knows of the document so far. */
export interface ScanContext {
  readonly containers: readonly ContainerShape[];
  readonly leaf: OpenLeaf;
  /** The open fence, when `leaf` is `'fence'`. */
  readonly fence?: { readonly char: string; readonly length: number; readonly indent: number };
}

/** The leaf content of a line once its container prefix is known. */
type LineLeaf =
  | {
      readonly kind:
        'blank' | 'paragraph' | 'hr' | 'code' | 'fence-end' | 'table-candidate' | 'table-row';
    }
  | { readonly kind: 'release' }
  | { readonly kind: 'heading'; readonly level: number }
  | {
      readonly kind: 'fence';
      readonly char: string;
      readonly length: number;
      readonly indent: number;
      readonly info: string;
    }
  | { readonly kind: 'delimiter'; readonly row: string };

/** How a line fits the document: keep `matched` containers, open `opens`, then `leaf` from `content`. */
export interface LinePlan {
  readonly matched: number;
  readonly opens: readonly NewContainer[];
  readonly leaf: LineLeaf;
  /** Index in the line where the leaf's content starts. */
  readonly content: number;
}

/** `'more'`: wait for another character; `'line'`: wait for the whole line; or the decision. */
export type ScanResult = 'more' | 'line' | LinePlan;

interface Indent {
  readonly columns: number;
  readonly end: number;
}

/** Containers nested deeper than this are text: DOM insertion costs time in proportion to depth. */
const MAX_CONTAINERS = 32;

function isBlankChar(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function measureIndent(line: string, from: number): Indent {
  let columns = 0;
  let end = from;
  for (; end < line.length; end++) {
    const ch = line[end];
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { columns, end };
}

/** Skips up to `columns` columns of indentation. */
function skipColumns(line: string, from: number, columns: number): number {
  let used = 0;
  let pos = from;
  while (used < columns && isBlankChar(line[pos])) {
    used += line[pos] === '\t' ? 4 - (used % 4) : 1;
    pos++;
  }
  return pos;
}

function sameList(list: ContainerShape | undefined, item: NewContainer | undefined): boolean {
  return (
    list?.kind === 'list' &&
    item?.kind === 'item' &&
    list.ordered === item.ordered &&
    list.marker === item.marker
  );
}

/**
 * Decides how the start of a line fits the open blocks, looking at as few characters as it can:
 * `line` is the line so far (no `\n`), `final` says it is complete. The answer never changes as
 * more characters arrive, which is what makes chunked input render exactly like whole input.
 */
export function scanLine(line: string, final: boolean, context: ScanContext): ScanResult {
  const { containers } = context;
  let pos = 0;
  let matched = 0;
  for (; matched < containers.length; matched++) {
    const container = containers[matched]!;
    if (container.kind === 'list') continue;
    const indent = measureIndent(line, pos);
    if (
      indent.end === line.length &&
      !final &&
      indent.columns < (container.kind === 'item' ? container.contentIndent : 4)
    ) {
      return 'more';
    }
    if (container.kind === 'quote') {
      if (indent.columns > 3 || line[indent.end] !== '>') break;
      pos = indent.end + 1;
      if (pos === line.length && !final) return 'more';
      if (isBlankChar(line[pos])) pos++;
    } else if (indent.end === line.length) {
      pos = indent.end;
    } else if (indent.columns >= container.contentIndent) {
      pos = skipColumns(line, pos, container.contentIndent);
    } else {
      break;
    }
  }
  const allMatched = matched === containers.length;
  const plan = (
    leaf: LineLeaf,
    content: number,
    opens: readonly NewContainer[] = [],
    kept = matched,
  ): LinePlan => {
    // A list survives an unmatched item only if the line starts a sibling item of the same type.
    const list = containers[kept - 1];
    const keep = kept === containers.length || list?.kind !== 'list' || sameList(list, opens[0]);
    return { matched: keep ? kept : kept - 1, opens, leaf, content };
  };

  if (allMatched && context.leaf === 'fence' && context.fence !== undefined) {
    return scanCodeLine(line, pos, final, context.fence, plan);
  }
  if (context.leaf === 'header') {
    const rest = line.slice(pos);
    if (allMatched && /^[ \t|:-]*$/.test(rest))
      return final ? plan({ kind: 'delimiter', row: rest }, line.length) : 'more';
    return plan({ kind: 'release' }, pos);
  }
  if (allMatched && context.leaf === 'table') {
    const indent = measureIndent(line, pos);
    if (indent.end === line.length && !final) return 'more';
    if (indent.columns <= 3 && line[indent.end] === '|')
      return plan({ kind: 'table-row' }, indent.end);
  }
  return scanBlockStart(
    line,
    pos,
    final,
    context.leaf === 'paragraph',
    allMatched,
    containers.length,
    plan,
  );
}

type MakePlan = (
  leaf: LineLeaf,
  content: number,
  opens?: readonly NewContainer[],
  kept?: number,
) => LinePlan;

function scanCodeLine(
  line: string,
  pos: number,
  final: boolean,
  fence: NonNullable<ScanContext['fence']>,
  plan: MakePlan,
): ScanResult {
  const indent = measureIndent(line, pos);
  const code = (): LinePlan =>
    plan({ kind: 'code' }, skipColumns(line, pos, Math.min(indent.columns, fence.indent)));
  if (indent.columns > 3) return code();
  if (indent.end === line.length) return final ? code() : 'more';
  let end = indent.end;
  while (line[end] === fence.char) end++;
  const run = end - indent.end;
  if (run === 0) return code();
  if (end === line.length && !final) return 'more';
  if (run < fence.length) return code();
  while (isBlankChar(line[end])) end++;
  if (end < line.length) return code();
  return final ? plan({ kind: 'fence-end' }, line.length) : 'more';
}

/** New containers and the leaf block that begin at `pos`. */
function scanBlockStart(
  line: string,
  start: number,
  final: boolean,
  paragraphOpen: boolean,
  allMatched: boolean,
  containerCount: number,
  plan: MakePlan,
): ScanResult {
  const opens: NewContainer[] = [];
  let pos = start;
  for (;;) {
    // Only a line that would otherwise continue the open paragraph is bound by the interruption rules.
    const continuing = paragraphOpen && opens.length === 0;
    const paragraph = (): LinePlan =>
      continuing
        ? plan({ kind: 'paragraph' }, pos, [], containerCount)
        : plan({ kind: 'paragraph' }, pos, opens);
    const indent = measureIndent(line, pos);
    if (indent.end === line.length) {
      if (!final) return 'more';
      return plan({ kind: 'blank' }, indent.end, opens);
    }
    if (indent.columns >= 4) return paragraph();
    const at = indent.end;
    const ch = line[at]!;
    const deep = containerCount + opens.length >= MAX_CONTAINERS;
    if (ch === '>' && !deep) {
      opens.push({ kind: 'quote' });
      pos = at + 1;
      if (pos === line.length && !final) return 'more';
      if (isBlankChar(line[pos])) pos++;
      continue;
    }
    if (ch === '*' || ch === '-' || ch === '_') {
      const rule = scanRule(line, at, final);
      if (rule === 'more') return 'more';
      if (rule) return plan({ kind: 'hr' }, line.length, opens);
    }
    if (!deep && (ch === '*' || ch === '-' || ch === '+' || (ch >= '0' && ch <= '9'))) {
      const item = scanListMarker(line, at, final, indent.columns);
      if (item === 'more') return 'more';
      if (item !== undefined) {
        const empty = measureIndent(line, item.content).end === line.length;
        const interrupts =
          !continuing || !allMatched || (!empty && (!item.open.ordered || item.open.start === 1));
        if (interrupts) {
          opens.push(item.open);
          pos = item.content;
          continue;
        }
      }
      return paragraph();
    }
    if (ch === '#') {
      let end = at;
      while (line[end] === '#') end++;
      if (end === line.length && !final) return 'more';
      const level = end - at;
      if (level <= 6 && (end === line.length || isBlankChar(line[end])))
        return plan({ kind: 'heading', level }, end, opens);
      return paragraph();
    }
    if (ch === '`' || ch === '~') {
      let end = at;
      while (line[end] === ch) end++;
      if (end === line.length && !final) return 'more';
      if (end - at >= 3) {
        if (!final) return 'line';
        const info = line.slice(end).trim();
        // A backtick fence's info string cannot hold backticks: "```a```" is inline code.
        if (ch === '~' || !info.includes('`')) {
          return plan(
            { kind: 'fence', char: ch, length: end - at, indent: indent.columns, info },
            line.length,
            opens,
          );
        }
      }
      return paragraph();
    }
    if (ch === '|')
      return continuing && allMatched
        ? plan({ kind: 'table-candidate' }, at, [], containerCount)
        : plan({ kind: 'table-candidate' }, at, opens);
    return paragraph();
  }
}

/** Whether the line from `at` is a thematic break: `true`, `false`, or `'more'` if undecided. */
function scanRule(line: string, at: number, final: boolean): boolean | 'more' {
  const marker = line[at];
  let count = 0;
  for (let i = at; i < line.length; i++) {
    if (line[i] === marker) count++;
    else if (!isBlankChar(line[i])) return false;
  }
  if (!final) return 'more';
  return count >= 3;
}

/** A list marker at `at`, with where the item's content starts; `'more'` if undecided. */
function scanListMarker(
  line: string,
  at: number,
  final: boolean,
  indentColumns: number,
): { open: NewItem; content: number } | undefined | 'more' {
  let end = at;
  let ordered = false;
  let start = 1;
  let marker = line[at]!;
  if (marker >= '0' && marker <= '9') {
    while (end < line.length && end - at < 10 && line[end]! >= '0' && line[end]! <= '9') end++;
    if (end === line.length && !final) return 'more';
    const delimiter = line[end];
    if (end - at > 9 || (delimiter !== '.' && delimiter !== ')')) return undefined;
    ordered = true;
    start = Number(line.slice(at, end));
    marker = delimiter;
  }
  end++;
  if (end === line.length) {
    if (!final) return 'more';
    return {
      open: { kind: 'item', ordered, marker, start, contentIndent: indentColumns + end - at + 1 },
      content: end,
    };
  }
  if (!isBlankChar(line[end])) return undefined;
  const spaces = measureIndent(line, end);
  if (spaces.end === line.length && !final && spaces.columns < 5) return 'more';
  const markerWidth = end - at;
  // Five or more spaces after the marker: the item's content is indented by one (CommonMark).
  const wide = spaces.columns >= 5 || spaces.end === line.length;
  const contentIndent = indentColumns + markerWidth + (wide ? 1 : spaces.columns);
  return {
    open: { kind: 'item', ordered, marker, start, contentIndent },
    content: wide ? end + 1 : spaces.end,
  };
}
