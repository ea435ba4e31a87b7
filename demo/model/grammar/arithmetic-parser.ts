import {
  binary,
  hasOperation,
  numberNode,
  type ArithmeticExpression,
  type BinaryOperator,
} from './arithmetic-expression.js';
import {
  arithmeticTokens,
  isWrapping,
  type ArithmeticToken,
  type ArithmeticVerb,
} from './arithmetic-tokens.js';
import { lex, touching, type Lexeme } from './lexer.js';

/** What {@link parseArithmetic} may refer to: the number the previous answer gave, if any. */
export interface ArithmeticContext {
  /** The previous result, for "double that", "and divided by 3?", "plus 5". */
  readonly previous?: number | undefined;
}

// Longest calculation read; a longer message is prose, not a sum.
const maxTokens = 120;
const maxDepth = 40;

// Numbers written with a slash that name things rather than divide ("what is 9/11?" asks about history).
const slashNames = new Set([
  '9/11',
  '7/11',
  '24/7',
  '4/20',
  '50/50',
  '20/20',
  '9/11/01',
  '7/7',
  '3/11',
]);
// Words that ask for the division outright, so "calculate 9/11" is a sum after all.
const calculationVerbs = new Set([
  'calculate',
  'compute',
  'evaluate',
  'solve',
  'work',
  'divide',
  'divided',
  'decimal',
  'fraction',
]);

class NoCalculation extends Error {}

/** A recursive-descent parser over {@link ArithmeticToken}s; one instance per attempt. */
class ArithmeticParser {
  readonly #tokens: readonly ArithmeticToken[];
  readonly #previous: number | undefined;
  #index: number;
  #depth = 0;

  constructor(tokens: readonly ArithmeticToken[], start: number, previous: number | undefined) {
    this.#tokens = tokens;
    this.#index = start;
    this.#previous = previous;
  }

  get index(): number {
    return this.#index;
  }

  #peek(offset = 0): ArithmeticToken | undefined {
    return this.#tokens[this.#index + offset];
  }

  #take(): ArithmeticToken {
    const token = this.#peek();
    if (!token) throw new NoCalculation();
    this.#index += 1;
    return token;
  }

  #joiner(...words: string[]): boolean {
    const token = this.#peek();
    if (token?.kind === 'joiner' && words.includes(token.word)) {
      this.#index += 1;
      return true;
    }
    if (words.includes('plus') && token?.kind === 'binary' && token.operator === '+') {
      this.#index += 1;
      return true;
    }
    if (words.includes('times') && token?.kind === 'binary' && token.operator === '*') {
      this.#index += 1;
      return true;
    }
    return false;
  }

  #previousNode(): ArithmeticExpression {
    if (this.#previous === undefined) throw new NoCalculation();
    return numberNode(this.#previous);
  }

  #nested<T>(read: () => T): T {
    this.#depth += 1;
    if (this.#depth > maxDepth) throw new NoCalculation();
    try {
      return read();
    } finally {
      this.#depth -= 1;
    }
  }

  // command := verb-form | additive   (a leading operator continues the previous result: "and divided by 3")
  command(): ArithmeticExpression {
    const first = this.#peek();
    if (first?.kind === 'verb') {
      this.#index += 1;
      return this.#verbForm(first.verb);
    }
    const continues =
      (first?.kind === 'binary' && first.sign !== true) ||
      first?.kind === 'power' ||
      (first?.kind === 'percent' && this.#previous !== undefined);
    if (continues && this.#previous !== undefined) return this.#additive(this.#previousNode());
    return this.#additive();
  }

  #verbForm(verb: ArithmeticVerb): ArithmeticExpression {
    const unary: Partial<
      Record<ArithmeticVerb, (x: ArithmeticExpression) => ArithmeticExpression>
    > = {
      double: (x) => binary('*', numberNode(2), x),
      triple: (x) => binary('*', numberNode(3), x),
      halve: (x) => binary('/', x, numberNode(2)),
      square: (x) => binary('^', x, numberNode(2)),
      cube: (x) => binary('^', x, numberNode(3)),
    };
    const makeUnary = unary[verb];
    if (makeUnary) return makeUnary(this.#operand());
    // "divide by 3", "multiply by 4", "subtract 5": the previous result is the other operand.
    if ((verb === 'divide' || verb === 'multiply') && this.#joiner('by'))
      return binary(verb === 'divide' ? '/' : '*', this.#previousNode(), this.#additive());
    const first = this.#additive();
    switch (verb) {
      case 'add':
        return this.#joiner('and', 'to', 'plus', 'with')
          ? binary('+', first, this.#additive())
          : binary('+', this.#previousNode(), first);
      case 'sum':
      case 'product': {
        const operator: BinaryOperator = verb === 'sum' ? '+' : '*';
        let value = first;
        let count = 1;
        while (this.#joiner('and')) {
          value = binary(operator, value, this.#additive());
          count += 1;
        }
        if (count < 2) throw new NoCalculation();
        return value;
      }
      case 'subtract':
        return this.#joiner('from')
          ? binary('-', this.#additive(), first)
          : binary('-', this.#previousNode(), first);
      case 'multiply':
        if (!this.#joiner('by', 'and', 'times', 'with')) throw new NoCalculation();
        return binary('*', first, this.#additive());
      case 'divide':
        if (this.#joiner('by')) return binary('/', first, this.#additive());
        // "divide 3 into 12" is 12 / 3.
        if (this.#joiner('into')) return binary('/', this.#additive(), first);
        throw new NoCalculation();
      case 'quotient':
      case 'difference':
        if (!this.#joiner('and')) throw new NoCalculation();
        return binary(verb === 'quotient' ? '/' : '-', first, this.#additive());
      default:
        throw new NoCalculation();
    }
  }

  // additive := multiplicative (('+' | '-') multiplicative)*
  #additive(seed?: ArithmeticExpression): ArithmeticExpression {
    let value = this.#multiplicative(seed);
    for (
      let token = this.#peek();
      token?.kind === 'binary' && (token.operator === '+' || token.operator === '-');
      token = this.#peek()
    ) {
      this.#index += 1;
      value = binary(token.operator, value, this.#multiplicative());
    }
    return value;
  }

  // multiplicative := prefix (('*' | '/' | '%') prefix | '(' ...)*     ("2(3 + 4)" multiplies too)
  #multiplicative(seed?: ArithmeticExpression): ArithmeticExpression {
    let value = seed ? this.#postfix(seed) : this.#prefix();
    for (;;) {
      const token = this.#peek();
      if (
        token?.kind === 'binary' &&
        (token.operator === '*' || token.operator === '/' || token.operator === '%')
      ) {
        this.#index += 1;
        value = binary(token.operator, value, this.#prefix());
      } else if (token?.kind === 'open') value = binary('*', value, this.#prefix());
      else return value;
    }
  }

  // prefix := ('-' | '+') prefix | function 'of'? prefix | power
  #prefix(): ArithmeticExpression {
    return this.#nested(() => {
      const token = this.#peek();
      if (token?.kind === 'filler' && token.text === 'the') {
        this.#index += 1;
        return this.#prefix();
      }
      if (token?.kind === 'binary' && (token.operator === '-' || token.operator === '+')) {
        this.#index += 1;
        const operand = this.#prefix();
        return token.operator === '-' ? { kind: 'negate', operand } : operand;
      }
      if (token?.kind === 'function') {
        this.#index += 1;
        if (this.#peek()?.kind === 'of') this.#index += 1;
        return this.#power({ kind: 'call', name: token.name, argument: this.#prefix() });
      }
      if (
        token?.kind === 'verb' &&
        ['double', 'triple', 'halve', 'square', 'cube'].includes(token.verb)
      ) {
        this.#index += 1;
        return this.#verbForm(token.verb);
      }
      return this.#power(this.#postfix(this.#primary()));
    });
  }

  // The operand of "double", "square"...: one prefix expression ("double 21", "square the result").
  #operand(): ArithmeticExpression {
    return this.#prefix();
  }

  // power := postfix ('^' prefix)?     (right-associative, and -2^2 is -(2^2))
  #power(base: ArithmeticExpression): ArithmeticExpression {
    const token = this.#peek();
    if (token?.kind !== 'binary' || token.operator !== '^') return base;
    this.#index += 1;
    return binary('^', base, this.#prefix());
  }

  // postfix := primary ('squared' | 'cubed' | 'percent' | 'of' prefix)*
  #postfix(primary: ArithmeticExpression): ArithmeticExpression {
    let value = primary;
    for (;;) {
      const token = this.#peek();
      if (token?.kind === 'power') {
        this.#index += 1;
        value = binary('^', value, numberNode(token.exponent));
      } else if (token?.kind === 'percent') {
        const after = this.#peek(1);
        // "17 % 5" is a remainder; "15% of 80" and "15%" are percentages.
        if (after?.kind === 'number' || after?.kind === 'open') return this.#power(value);
        this.#index += 1;
        value = binary('/', value, numberNode(100));
      } else if (token?.kind === 'of') {
        this.#index += 1;
        value = binary('*', value, this.#prefix());
      } else return this.#power(value);
    }
  }

  // primary := number | constant | 'that' | '(' additive ')'
  #primary(): ArithmeticExpression {
    const token = this.#take();
    switch (token.kind) {
      case 'number':
        return numberNode(token.value);
      case 'constant':
        return { kind: 'constant', name: token.name };
      case 'previous':
        return this.#previousNode();
      case 'open': {
        const value = this.#nested(() => this.#additive());
        if (this.#take().kind !== 'close') throw new NoCalculation();
        return value;
      }
      default:
        throw new NoCalculation();
    }
  }
}

// "%" between two numbers is a remainder: the tokenizer calls every "%" a percent, the parser decides.
function remainderSigns(tokens: readonly ArithmeticToken[]): ArithmeticToken[] {
  return tokens.map((token, index) => {
    const after = tokens[index + 1];
    return token.kind === 'percent' &&
      index > 0 &&
      (after?.kind === 'number' || after?.kind === 'open')
      ? { kind: 'binary', operator: '%' }
      : token;
  });
}

function namesAThing(lexemes: readonly Lexeme[]): boolean {
  if (lexemes.some((lexeme) => lexeme.kind === 'word' && calculationVerbs.has(lexeme.text)))
    return false;
  for (let index = 0; index + 2 < lexemes.length; index += 1) {
    const [a, slash, b] = [lexemes[index], lexemes[index + 1], lexemes[index + 2]];
    if (
      a?.kind !== 'number' ||
      slash?.text !== '/' ||
      b?.kind !== 'number' ||
      !touching(a, slash) ||
      !touching(slash, b)
    )
      continue;
    const third = lexemes[index + 4];
    const written =
      lexemes[index + 3]?.text === '/' && third?.kind === 'number'
        ? `${a.text}/${b.text}/${third.text}`
        : `${a.text}/${b.text}`;
    if (slashNames.has(written)) return true;
  }
  return false;
}

/**
 * Understands a message as a calculation, or returns `undefined` when it is not one. The
 * message must be a calculation wrapped only in filler ("could you work out twelve times eight
 * for me?"): any other word ("I have 2 cats", "what happened on 9/11") means it is not arithmetic.
 * Numbers can be digits or words; operators symbols or phrases; "that" is the previous result.
 *
 * @example parseArithmetic("what's the square root of 144 plus 2^10?") // sqrt(144) + 2^10
 */
export function parseArithmetic(
  message: string,
  context: ArithmeticContext = {},
): ArithmeticExpression | undefined {
  const lexemes = lex(message);
  if (namesAThing(lexemes)) return undefined;
  const tokens = remainderSigns(arithmeticTokens(lexemes));
  if (tokens.length > maxTokens || tokens.some((token) => token.kind === 'other')) return undefined;
  for (let start = 0; start < tokens.length; start += 1) {
    const parser = new ArithmeticParser(tokens, start, context.previous);
    try {
      const expression = parser.command();
      const rest = tokens.slice(parser.index);
      if (rest.every(isWrapping) && hasOperation(expression)) return expression;
    } catch (error) {
      if (!(error instanceof NoCalculation)) throw error;
    }
    // Only wrapping words may come before the calculation.
    if (!isWrapping(tokens[start]!)) return undefined;
  }
  return undefined;
}
