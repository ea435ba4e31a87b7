import { ExpressionError } from './expression-error.js';
import { tokenizeExpression, type ExpressionToken, type Operator } from './tokenize-expression.js';

// Trig results carry float noise (sin(pi) = 1.2e-16); 15 decimals remove it and keep real values.
const trig =
  (fn: (x: number) => number) =>
  (x: number): number =>
    Math.round(fn(x) * 1e15) / 1e15 + 0;

// Maps, not object literals: a name like "constructor" must not find Object.prototype members.
const functions: ReadonlyMap<string, (x: number) => number> = new Map(
  Object.entries({
    sqrt: (x) => {
      if (x < 0)
        throw new ExpressionError(`sqrt of a negative number (${x}) is not a real number.`);
      return Math.sqrt(x);
    },
    sin: trig(Math.sin),
    cos: trig(Math.cos),
    tan: trig(Math.tan),
    log: (x) => {
      if (x <= 0) throw new ExpressionError(`log is defined for positive numbers only, got ${x}.`);
      return Math.log10(x);
    },
    ln: (x) => {
      if (x <= 0) throw new ExpressionError(`ln is defined for positive numbers only, got ${x}.`);
      return Math.log(x);
    },
    abs: Math.abs,
    round: Math.round,
  }),
);

const constants: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** Deepest nesting of parentheses and signs accepted, so the parser's recursion stays shallow. */
export const maxExpressionDepth = 64;

const knownNames = `${[...functions.keys()].join(', ')}, pi and e`;

function applyOperator(operator: Operator, left: number, right: number, position: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      if (right === 0) throw new ExpressionError('Division by zero', position);
      return left / right;
    case '%':
      if (right === 0) throw new ExpressionError('Remainder of a division by zero', position);
      return left % right;
    case '^':
      return left ** right;
  }
}

function describe(token: ExpressionToken): string {
  switch (token.kind) {
    case 'number':
      return `the number ${token.value}`;
    case 'name':
      return `"${token.name}"`;
    case 'operator':
      return `"${token.operator}"`;
    case 'open':
      return '"("';
    case 'close':
      return '")"';
    case 'end':
      return 'the end of the expression';
  }
}

/** A recursive-descent parser that computes as it reads; one instance per expression. */
class ExpressionParser {
  readonly #tokens: readonly ExpressionToken[];
  #index = 0;
  #depth = 0;

  constructor(tokens: readonly ExpressionToken[]) {
    this.#tokens = tokens;
  }

  parse(): number {
    if (this.#peek().kind === 'end') throw new ExpressionError('The expression is empty.');
    const value = this.#additive();
    const next = this.#peek();
    if (next.kind !== 'end')
      throw new ExpressionError(`Expected an operator but found ${describe(next)}`, next.position);
    return value;
  }

  #peek(): ExpressionToken {
    // The tokenizer always ends the list with an `end` token, so the last one is a safe default.
    return this.#tokens[this.#index] ?? this.#tokens[this.#tokens.length - 1]!;
  }

  #take(): ExpressionToken {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index += 1;
    return token;
  }

  #operatorIs(...operators: Operator[]): Operator | undefined {
    const token = this.#peek();
    return token.kind === 'operator' && operators.includes(token.operator)
      ? token.operator
      : undefined;
  }

  #nested<T>(read: () => T): T {
    this.#depth += 1;
    if (this.#depth > maxExpressionDepth)
      throw new ExpressionError(
        `The expression is nested too deeply (more than ${maxExpressionDepth} levels).`,
      );
    try {
      return read();
    } finally {
      this.#depth -= 1;
    }
  }

  // additive := multiplicative (('+' | '-') multiplicative)*
  #additive(): number {
    let value = this.#multiplicative();
    for (
      let operator = this.#operatorIs('+', '-');
      operator;
      operator = this.#operatorIs('+', '-')
    ) {
      const { position } = this.#take();
      value = applyOperator(operator, value, this.#multiplicative(), position);
    }
    return value;
  }

  // multiplicative := unary (('*' | '/' | '%') unary)*
  #multiplicative(): number {
    let value = this.#unary();
    for (
      let operator = this.#operatorIs('*', '/', '%');
      operator;
      operator = this.#operatorIs('*', '/', '%')
    ) {
      const { position } = this.#take();
      value = applyOperator(operator, value, this.#unary(), position);
    }
    return value;
  }

  // unary := ('+' | '-') unary | power     (so -2^2 is -(2^2), as in mathematics)
  #unary(): number {
    const sign = this.#operatorIs('+', '-');
    if (!sign) return this.#power();
    this.#take();
    return this.#nested(() => (sign === '-' ? -this.#unary() : this.#unary()));
  }

  // power := primary ('^' unary)?     (right-associative: 2^3^2 is 2^9)
  #power(): number {
    const base = this.#primary();
    if (!this.#operatorIs('^')) return base;
    const { position } = this.#take();
    return applyOperator(
      '^',
      base,
      this.#nested(() => this.#unary()),
      position,
    );
  }

  // primary := number | constant | function '(' additive ')' | '(' additive ')'
  #primary(): number {
    const token = this.#take();
    if (token.kind === 'number') return token.value;
    if (token.kind === 'open') return this.#parenthesised(token.position);
    if (token.kind === 'name') return this.#named(token.name.toLowerCase(), token.position);
    throw new ExpressionError(
      `Expected a number, a name or "(" but found ${describe(token)}`,
      token.position,
    );
  }

  #parenthesised(openPosition: number): number {
    const value = this.#nested(() => this.#additive());
    const close = this.#take();
    if (close.kind !== 'close')
      throw new ExpressionError(
        `Missing ")" for the "(" at position ${openPosition + 1}; found ${describe(close)}`,
        close.position,
      );
    return value;
  }

  #named(name: string, position: number): number {
    const fn = functions.get(name);
    const opensCall = this.#peek().kind === 'open';
    if (fn) {
      if (!opensCall)
        throw new ExpressionError(`${name} is a function: write ${name}(x)`, position);
      const open = this.#take();
      return fn(this.#parenthesised(open.position));
    }
    const constant = constants.get(name);
    if (constant !== undefined) {
      if (opensCall) throw new ExpressionError(`${name} is a constant, not a function`, position);
      return constant;
    }
    throw new ExpressionError(
      `Unknown name "${name}"; the calculator knows ${knownNames}`,
      position,
    );
  }
}

/**
 * Computes an arithmetic expression without `eval`: numbers (decimals, `1e3`), `+ - * / % ^`
 * (`**` too), parentheses, unary minus, the functions sqrt, sin, cos, tan (radians), log (base
 * 10), ln, abs, round and the constants pi and e. Precedence: `^` binds tightest and to the
 * right, then unary signs, then `* / %`, then `+ -`.
 *
 * @throws ExpressionError naming the problem and its position (unknown names, division by zero...).
 * @example evaluateExpression('2 * (3 + 4)^2') // 98
 */
export function evaluateExpression(expression: string): number {
  const value = new ExpressionParser(tokenizeExpression(expression)).parse();
  if (!Number.isFinite(value))
    throw new ExpressionError(`The result is not a finite number (${value}).`);
  return value;
}
