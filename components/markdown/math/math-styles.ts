/** Layout of typeset display math, adopted by the typesetter the first time it runs in a root. */
export const MATH_STYLES = `
.tool-agent-markdown .math-display {
  display: block;
  margin-block: var(--tool-agent-block-gap, 0.75em);
  overflow-x: auto;
  text-align: center;
}
`;
