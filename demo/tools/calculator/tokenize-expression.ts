import { ExpressionError } from './expression-error.js';

/** One token of a calculator expression. */
export type ExpressionToken =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'name'; readonly name: string; readonly position: number }
  | { readonly kind: 'operator'; readonly operator: Operator; readonly position: number }
  | { readonly kind: 'open' | 'close' | 'end'; readonly position: number };

/** The operators the calculator knows. */
export type Operator = '+' | '-' | '*' | '/' | '%' | '^';

/** Longest expression accepted: a model should not be able to make the page work hard. */
const maxExpressionLength = 500;

// Typographic signs models and people paste in, mapped to the ASCII operators.
const operatorAliases: Readonly<Record<string, Operator>> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '·': '*',
  '/': '/',
  '÷': '/',
  '%': '%',
  '^': '^',
};

const numberPattern = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const namePattern = /[A-Za-z_][A-Za-z_0-9]*/y;

function readAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}

/**
 * Splits an expression into numbers, names, operators and parentheses. `**` is read as `^`.
 * @throws ExpressionError on any other character.
 */
export function tokenizeExpression(text: string): ExpressionToken[] {
  if (text.length > maxExpressionLength)
    throw new ExpressionError(
      `The expression is too long (${text.length} characters; at most ${maxExpressionLength}).`,
    );
  const tokens: ExpressionToken[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text[position] ?? '';
    if (/\s/u.test(char)) {
      position += 1;
      continue;
    }
    const number = readAt(numberPattern, text, position);
    if (number !== undefined) {
      tokens.push({ kind: 'number', value: Number(number), position });
      position += number.length;
      continue;
    }
    const name = readAt(namePattern, text, position);
    if (name !== undefined) {
      tokens.push({ kind: 'name', name, position });
      position += name.length;
      continue;
    }
    if (text.startsWith('**', position)) {
      tokens.push({ kind: 'operator', operator: '^', position });
      position += 2;
      continue;
    }
    const operator = operatorAliases[char];
    if (operator) tokens.push({ kind: 'operator', operator, position });
    else if (char === '(' || char === ')')
      tokens.push({ kind: char === '(' ? 'open' : 'close', position });
    else throw new ExpressionError(`Unexpected character ${JSON.stringify(char)}`, position);
    position += 1;
  }
  tokens.push({ kind: 'end', position });
  return tokens;
}
