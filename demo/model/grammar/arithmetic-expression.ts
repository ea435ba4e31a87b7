/** The binary operators of the calculator tool. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '^';

/** The functions of the calculator tool ("cbrt" is sent as a power of one third). */
export type CalculatorFunction =
  'sqrt' | 'cbrt' | 'sin' | 'cos' | 'tan' | 'log' | 'ln' | 'abs' | 'round';

/** An arithmetic expression understood from a message. */
export type ArithmeticExpression =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'negate'; readonly operand: ArithmeticExpression }
  | {
      readonly kind: 'call';
      readonly name: CalculatorFunction;
      readonly argument: ArithmeticExpression;
    }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: ArithmeticExpression;
      readonly right: ArithmeticExpression;
    };

const precedence: Readonly<Record<BinaryOperator, number>> = {
  '+': 1,
  '-': 1,
  '*': 2,
  '/': 2,
  '%': 2,
  '^': 4,
};

/** A binary expression node. */
export const binary = (
  operator: BinaryOperator,
  left: ArithmeticExpression,
  right: ArithmeticExpression,
): ArithmeticExpression => ({ kind: 'binary', operator, left, right });

/** A number node. */
export const numberNode = (value: number): ArithmeticExpression => ({ kind: 'number', value });

/** Whether the expression does any work (a lone number is not a calculation). */
export function hasOperation(expression: ArithmeticExpression): boolean {
  return (
    expression.kind === 'binary' ||
    expression.kind === 'call' ||
    (expression.kind === 'negate' && hasOperation(expression.operand))
  );
}

// Spoken fractions ("two thirds") stay fractions, so the tool computes them exactly.
function formatNumber(value: number): string {
  if (Number.isInteger(value) || String(value).length < 10) return String(value);
  for (let denominator = 2; denominator <= 12; denominator += 1) {
    const numerator = value * denominator;
    if (Math.abs(numerator - Math.round(numerator)) < 1e-9)
      return `(${Math.round(numerator)}/${denominator})`;
  }
  return String(value);
}

// Unary minus binds looser than ^ in the calculator (-2^2 is -4), so it ranks 3.
function rank(expression: ArithmeticExpression): number {
  if (expression.kind === 'binary') return precedence[expression.operator];
  if (expression.kind === 'negate') return 3;
  return 5;
}

function wrap(expression: ArithmeticExpression, needs: boolean): string {
  const text = toCalculatorExpression(expression);
  return needs ? `(${text})` : text;
}

/**
 * The expression as the calculator tool reads it, with only the parentheses it needs:
 * `sqrt(144) + 2^10`, `12 * 8`, `(15 / 100) * 80`.
 */
export function toCalculatorExpression(expression: ArithmeticExpression): string {
  switch (expression.kind) {
    case 'number':
      return expression.value < 0
        ? `(${formatNumber(expression.value)})`
        : formatNumber(expression.value);
    case 'constant':
      return expression.name;
    case 'negate':
      return `-${wrap(expression.operand, rank(expression.operand) < 4)}`;
    case 'call':
      return expression.name === 'cbrt'
        ? `${wrap(expression.argument, rank(expression.argument) < 5)}^(1/3)`
        : `${expression.name}(${toCalculatorExpression(expression.argument)})`;
    case 'binary': {
      const own = precedence[expression.operator];
      // ^ groups to the right; the others to the left, so a right operand of equal rank needs brackets.
      const leftNeeds =
        expression.operator === '^' ? rank(expression.left) <= own : rank(expression.left) < own;
      const rightNeeds =
        expression.operator === '^' ? rank(expression.right) < 3 : rank(expression.right) <= own;
      return `${wrap(expression.left, leftNeeds)} ${expression.operator === '^' ? '^' : expression.operator} ${wrap(expression.right, rightNeeds)}`.replace(
        / \^ /gu,
        '^',
      );
    }
  }
}
