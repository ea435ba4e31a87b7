import type { DemoIntent } from '../../src/testing/index.js';

function compare(a: number, b: number): string {
  if (a === b) return `They are equal: **${a} = ${b}**.`;
  return `**${Math.max(a, b)}** is bigger than ${Math.min(a, b)}.`;
}

/** "which is bigger, 9.11 or 9.9?", "think step by step...": visible reasoning, then the answer. */
export const reasoningIntent: DemoIntent = {
  name: 'reasoning',
  pattern: /\bwhich is (?:bigger|larger|greater|smaller)\b[^\d-]*(-?\d+(?:\.\d+)?)\D+?(-?\d+(?:\.\d+)?)|\b(?:think|reason|step by step|puzzle|riddle)\b/iu,
  reply: (_context, match) => {
    const [a, b] = [match[1], match[2]].map(Number);
    if (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && match[1] !== undefined) {
      return {
        reasoning: `Comparing ${match[1]} and ${match[2]}. A common trap is to compare the digits after the point as whole numbers (11 > 9), which would be wrong. Line them up instead: ${a.toFixed(2)} versus ${b.toFixed(2)}. Now compare digit by digit from the left.`,
        text: `${compare(a, b)} Compare decimals place by place, not as whole numbers after the point.`,
      };
    }
    return {
      reasoning:
        'A bat and a ball cost 1.10 together, and the bat costs 1.00 more than the ball. The intuitive answer is 0.10 for the ball, but then the bat would be 1.10 and the total 1.20. Let the ball be x: x + (x + 1.00) = 1.10, so 2x = 0.10 and x = 0.05. Check: 0.05 + 1.05 = 1.10. Correct.',
      text: "Here is a classic to think about: *a bat and a ball cost 1.10 together, and the bat costs 1.00 more than the ball.* The ball costs **0.05**, not 0.10.\n\nOpen the reasoning section above to see how I got there: it streamed as `reasoning_content` deltas before this answer.",
    };
  },
};
