import { expect } from 'chai';
import {
  evaluateExpression,
  maxExpressionDepth,
} from '../../demo/tools/calculator/evaluate-expression.js';
import { ExpressionError } from '../../demo/tools/calculator/expression-error.js';
import { calculatorTool } from '../../demo/tools/calculator-tool.js';

const fails = (expression: string, message: RegExp): void => {
  expect(() => evaluateExpression(expression), expression).to.throw(ExpressionError, message);
};

describe('evaluateExpression', () => {
  it('computes the four operations on integers and decimals', () => {
    expect(evaluateExpression('17 * 23')).to.equal(391);
    expect(evaluateExpression('1.5 + 2.25')).to.equal(3.75);
    expect(evaluateExpression('10 / 4')).to.equal(2.5);
    expect(evaluateExpression('.5 - 2')).to.equal(-1.5);
    expect(evaluateExpression('1e3 + 2E-1')).to.equal(1000.2);
  });

  it('gives * / % precedence over + - and reads left to right', () => {
    expect(evaluateExpression('2 + 3 * 4')).to.equal(14);
    expect(evaluateExpression('10 - 4 - 3')).to.equal(3);
    expect(evaluateExpression('100 / 10 / 5')).to.equal(2);
    expect(evaluateExpression('7 + 10 % 4 * 2')).to.equal(11);
  });

  it('binds ^ tightest, to the right, and above unary minus', () => {
    expect(evaluateExpression('2 ^ 3 ^ 2')).to.equal(512);
    expect(evaluateExpression('-2 ^ 2')).to.equal(-4);
    expect(evaluateExpression('(-2) ^ 2')).to.equal(4);
    expect(evaluateExpression('2 ^ -1')).to.equal(0.5);
    expect(evaluateExpression('2 ** 10')).to.equal(1024);
    expect(evaluateExpression('3 * 2 ^ 2')).to.equal(12);
  });

  it('follows parentheses and repeated signs', () => {
    expect(evaluateExpression('2 * (3 + 4)')).to.equal(14);
    expect(evaluateExpression('((1 + 2) * (3 + 4)) / 7')).to.equal(3);
    expect(evaluateExpression('--3')).to.equal(3);
    expect(evaluateExpression('-(2 + 3) * -2')).to.equal(10);
    expect(evaluateExpression('+4')).to.equal(4);
  });

  it('knows sqrt, sin, cos, tan, log, ln, abs, round, pi and e', () => {
    expect(evaluateExpression('sqrt(16) + abs(-3)')).to.equal(7);
    expect(evaluateExpression('sin(0) + cos(0)')).to.equal(1);
    expect(evaluateExpression('sin(pi)')).to.equal(0);
    expect(evaluateExpression('tan(pi / 4)')).to.be.closeTo(1, 1e-12);
    expect(evaluateExpression('log(1000)')).to.equal(3);
    expect(evaluateExpression('ln(e)')).to.equal(1);
    expect(evaluateExpression('round(2.5) + round(-0.4)')).to.equal(3);
    expect(evaluateExpression('2 * PI')).to.equal(2 * Math.PI);
  });

  it('accepts the typographic signs × ÷ and −', () => {
    expect(evaluateExpression('6 × 7')).to.equal(42);
    expect(evaluateExpression('8 ÷ 2 − 1')).to.equal(3);
  });

  it('rejects code and unknown identifiers instead of running them', () => {
    fails('alert(1)', /Unknown name "alert"/);
    fails('x + 1', /Unknown name "x"/);
    fails('constructor', /Unknown name/);
    fails('Math.PI', /Unknown name "math"|Unexpected character/);
    fails('1; alert(1)', /Unexpected character ";"/);
    fails('"1" + 1', /Unexpected character/);
    fails('[1]', /Unexpected character "\["/);
  });

  it('names syntax errors and where they are', () => {
    fails('', /empty/);
    fails('2 +', /Expected a number, a name or "\(" but found the end/);
    fails('(1 + 2', /Missing "\)"/);
    fails('1 + 2)', /Expected an operator but found "\)"/);
    fails('2 3', /Expected an operator but found the number 3 \(at position 3\)/);
    fails('sqrt 4', /sqrt is a function/);
    fails('pi(2)', /pi is a constant/);
  });

  it('refuses division by zero, non-real and non-finite results', () => {
    fails('1 / 0', /Division by zero/);
    fails('5 % 0', /division by zero/);
    fails('sqrt(-1)', /not a real number/);
    fails('ln(0)', /positive numbers/);
    fails('10 ^ 400', /not a finite number/);
  });

  it('limits length and nesting so a hostile model cannot hang the page', () => {
    fails('1+'.repeat(300) + '1', /too long/);
    fails(
      '('.repeat(maxExpressionDepth + 1) + '1' + ')'.repeat(maxExpressionDepth + 1),
      /nested too deeply/,
    );
    fails('-'.repeat(maxExpressionDepth + 1) + '1', /nested too deeply/);
    expect(evaluateExpression('('.repeat(20) + '1' + ')'.repeat(20))).to.equal(1);
  });

  it('is what the calculator tool runs, with results rounded to 12 digits', async () => {
    const signal = new AbortController().signal;
    expect(
      await calculatorTool.execute({ expression: '0.1 + 0.2' }, { signal, toolCallId: 'c1' }),
    ).to.deep.equal({ expression: '0.1 + 0.2', result: 0.3 });
    expect((await calculatorTool.parseArguments({ expression: '' })).success).to.equal(false);
  });
});
