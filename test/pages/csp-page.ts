// The script of csp.html: an external module, as a strict policy requires.
import './zod-jitless.js';
import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';
import '../../components/index.js';

interface CspPageWindow {
  cspViolations: string[];
  pageReady: boolean;
}

const page = window as unknown as CspPageWindow;
page.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) =>
  page.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
);

const chat = document.querySelector('tool-agent-chat');
if (chat) {
  chat.baseURL = new URLSearchParams(location.search).get('base') ?? chat.baseURL;
  chat.tools = [
    new FunctionTool({
      name: 'add',
      description: 'Adds two numbers',
      parameters: z.object({ a: z.number(), b: z.number() }),
      execute: ({ a, b }) => a + b,
    }),
    new FunctionTool({
      name: 'wipe',
      description: 'Needs approval',
      parameters: z.object({}),
      requiresApproval: true,
      execute: () => 'wiped',
    }),
  ];
}
page.pageReady = true;
