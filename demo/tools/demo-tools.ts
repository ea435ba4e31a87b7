import type { AnyFunctionTool } from '../../src/index.js';
import { calculatorTool } from './calculator-tool.js';
import { convertUnitsTool } from './convert-units-tool.js';
import { sendEmailTool } from './send-email-tool.js';
import { timeTool } from './time-tool.js';

/** The tools the demo offers: real, safe, and one that asks for approval. */
export const demoTools: readonly AnyFunctionTool[] = [
  calculatorTool,
  timeTool,
  convertUnitsTool,
  sendEmailTool,
];
