import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';

const parameters = z.object({
  to: z.email().describe("The recipient's address."),
  subject: z.string().min(1).max(200).describe('The subject line.'),
  body: z.string().max(5000).describe('The message text.'),
});

/**
 * The demo's sensitive tool: marked `requiresApproval`, so it runs only after the user approves.
 * It only pretends: nothing is sent and nothing leaves the page.
 */
export const sendEmailTool = new FunctionTool({
  name: 'send_email',
  description:
    "Sends an email on the user's behalf. The user must approve every call. (Demo: it only pretends to send.)",
  parameters,
  requiresApproval: true,
  execute: ({ to, subject, body }) => ({
    status: 'pretend-sent',
    note: 'Demo tool: nothing was sent and nothing left the page.',
    to,
    subject,
    characters: body.length,
  }),
});
