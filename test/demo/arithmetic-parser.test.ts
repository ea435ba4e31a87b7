import { expect } from 'chai';
import { toCalculatorExpression } from '../../demo/model/grammar/arithmetic-expression.js';
import { parseArithmetic } from '../../demo/model/grammar/arithmetic-parser.js';
import { evaluateExpression } from '../../demo/tools/calculator/evaluate-expression.js';

const valueOf = (message: string, previous?: number): number | undefined => {
  const expression = parseArithmetic(message, { previous });
  return expression === undefined
    ? undefined
    : Number(evaluateExpression(toCalculatorExpression(expression)).toPrecision(12));
};

const expectValues = (cases: readonly (readonly [string, number])[], previous?: number): void => {
  for (const [message, expected] of cases)
    expect(valueOf(message, previous), message).to.equal(expected);
};

describe('the arithmetic grammar', () => {
  it('reads numbers written as digits or words', () => {
    expectValues([
      ["what's twelve times eight", 96],
      ['how much is 1234 minus 5678', -4444],
      ['a hundred and five plus 1', 106],
      ['one thousand two hundred and thirty four minus 34', 1200],
      ['twelve hundred divided by four', 300],
      ['1,234.5 + -3', 1231.5],
      ['twenty one times three', 63],
      ['two point five plus one', 3.5],
      ['one and a half times 4', 6],
      ['half of 50', 25],
      ['two thirds of 90', 60],
      ['a quarter of 100', 25],
      ['5 million divided by 2', 2500000],
      ['three dozen plus one', 37],
      ['negative three times four', -12],
      ['what is -3^2', -9],
    ]);
  });

  it('reads operators as symbols or words, with precedence and parentheses', () => {
    expectValues([
      ['what is 17 * 23?', 391],
      ['2 + 3 * 4', 14],
      ['(2 + 3) * 4', 20],
      ['2 plus 3 times 4', 14],
      ['7 multiplied by 6', 42],
      ['100 divided by 8', 12.5],
      ['3 over 4', 0.75],
      ['3x4', 12],
      ['6 × 7 ÷ 2', 21],
      ['2 to the power of 10', 1024],
      ['2 to the 10th power', 1024],
      ['2 to the third', 8],
      ['2 raised to 8', 256],
      ['2**5', 32],
      ['seven squared', 49],
      ['five cubed minus 1', 124],
      ['17 mod 5', 2],
      ['17 modulo 5', 2],
      ['17 % 5', 2],
      ['2(3 + 4)', 14],
      ['10 less 3', 7],
    ]);
  });

  it('reads roots, percentages and functions', () => {
    expectValues([
      ['square root of 144 plus 2^10', 1036],
      ['the square root of 81', 9],
      ['sqrt(16) * 2', 8],
      ['cube root of 27', 3],
      ['15% of 80', 12],
      ['15 percent of 80', 12],
      ['what is 20 per cent of 250', 50],
      ['sin(pi / 2)', 1],
      ['log of 1000', 3],
      ['absolute value of -7 plus 1', 8],
    ]);
  });

  it('reads verb phrasings: add, subtract, multiply, divide, sum, product, difference, double', () => {
    expectValues([
      ['add 3 and 4', 7],
      ['add 5 to 10', 15],
      ['subtract 3 from 10', 7],
      ['multiply 6 by 7', 42],
      ['divide 100 by 8', 12.5],
      ['divide 3 into 12', 4],
      ['the sum of 1 and 2 and 3', 6],
      ['the product of 4 and 5', 20],
      ["what's the difference between 100 and 37", 63],
      ['double 21', 42],
      ['triple 5', 15],
      ['halve 9', 4.5],
      ['square 12', 144],
    ]);
  });

  it('ignores polite and chatty wrapping', () => {
    expectValues([
      ['could you work out 15% of 80 for me please?', 12],
      ["quick question: what's 2 to the power of 10", 1024],
      ['hey, can you calculate 6 * 7?', 42],
      ['what is 5 plus 5, please', 10],
      ['please compute (1 + 2) * 3 thanks', 9],
      ['I want to know what 9 times 9 is', 81],
      ['so what does 12 divided by 4 equal?', 3],
      ['tell me 3 + 3 real quick', 6],
      ['2+2=', 4],
      ['Calculate 9/11', 0.818181818182],
      ['what is 3/4', 0.75],
    ]);
  });

  it('continues from the previous result: "double that", "and divided by 3?", "plus 5"', () => {
    expectValues(
      [
        ['double that', 782],
        ['and divided by 3?', 130.333333333],
        ['plus 9', 400],
        ['times 2', 782],
        ['minus 1', 390],
        ['squared', 152881],
        ['what is that times 4', 1564],
        ['half of that', 195.5],
        ['add 9 to it', 400],
        ['subtract 1', 390],
        ['divide it by 17', 23],
        ['multiply by 2', 782],
        ['and the square root of that?', 19.7737199333],
        ['now take away 91', 300],
      ],
      391,
    );
    expect(valueOf('double that')).to.equal(undefined);
    expect(valueOf('plus 5')).to.equal(undefined);
  });

  it('does not take prose, history or a count as arithmetic', () => {
    for (const message of [
      'what is 9/11',
      'what is 9/11?',
      'what happened on 9/11',
      'tell me about 9/11',
      'is 7/11 open 24/7?',
      'I have 2 cats',
      'I have 2 cats and 3 dogs',
      'my 2 cents',
      'what is 5',
      'what is 2+2 in binary',
      'call me at 555 1234',
      'top 10 movies of 2023',
      'what is the capital of France',
      'I was born in 1990',
      'there are 3 apples and 4 pears',
      'hello',
      '',
      '3 feet in centimeters',
    ]) {
      expect(parseArithmetic(message), message).to.equal(undefined);
    }
  });

  it('sends the calculator an expression with only the parentheses it needs', () => {
    const expression = (message: string): string =>
      toCalculatorExpression(parseArithmetic(message)!);
    expect(expression('square root of 144 plus 2^10')).to.equal('sqrt(144) + 2^10');
    expect(expression("what's twelve times eight")).to.equal('12 * 8');
    expect(expression('(1 + 2) * 3')).to.equal('(1 + 2) * 3');
    expect(expression('10 - (4 - 3)')).to.equal('10 - (4 - 3)');
    expect(expression('2 to the power of 3 to the power of 2')).to.equal('2^3^2');
    expect(expression('two thirds of 90')).to.equal('(2/3) * 90');
  });
});
