import type { DemoIntent } from '../../src/testing/index.js';
import { errorText, field, resultsOf } from './tool-results.js';

const addressPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;

function topicOf(text: string): string {
  const topic = /\b(?:about|saying|that says|regarding|re:?)\s+(.+?)\s*[?!.]*$/iu.exec(text)?.[1];
  return topic ?? 'Hello from the tool-agents demo';
}

/** "send an email to ada@example.com about lunch": the sensitive tool, which waits for approval. */
export const emailIntent: DemoIntent = {
  name: 'email',
  pattern:
    /\b(?:send|write|draft|email|e-mail|mail)\b.*\b(?:e-?mail|mail|message)\b|\bsend_email\b|\bemail\s+\S+@/iu,
  reply: (context) => {
    const [result] = resultsOf(context, 'send_email');
    const to = addressPattern.exec(context.userText)?.[0] ?? 'friend@example.com';
    if (!result) {
      const topic = topicOf(context.userText);
      const subject = topic.charAt(0).toUpperCase() + topic.slice(1);
      return {
        reasoning:
          "Sending email acts on the user's behalf, so the send_email tool requires their approval. I will draft it and let them decide.",
        text: `I drafted an email to **${to}**. Sending it needs your approval: check the card below and approve or deny.`,
        toolCalls: [
          {
            name: 'send_email',
            arguments: {
              to,
              subject,
              body: `Hi,\n\n${subject}.\n\nSent from the tool-agents demo.`,
            },
          },
        ],
      };
    }
    if (result.error !== undefined) {
      return /denied/iu.test(result.error)
        ? { text: 'Understood: I did **not** send the email. Nothing happened.' }
        : { text: `The email could not be sent: ${errorText(result)}` };
    }
    return {
      text: `Done: the email to **${field(result, 'to', 'string') ?? to}** ("${field(result, 'subject', 'string') ?? ''}") was sent. *(Demo tool: it only pretends, nothing left your browser.)*`,
    };
  },
};
