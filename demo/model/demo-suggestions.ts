/** Prompts the demo model answers well; shown in the page and in its greeting. */
export const demoSuggestions: readonly string[] = [
  'What is 17 * 23?',
  'What time is it in Tokyo and London?',
  'How many pounds is 70 kg?',
  'Which is bigger, 9.11 or 9.9?',
  'Send an email to ada@example.com about lunch',
  'Show me some markdown',
  'Tell me a long story',
];

/** The three skills in a sentence each, for introductions and out-of-skill answers. */
export const skillExamples: readonly string[] = [
  'What is twelve times eight?',
  "What's the time in New York right now?",
  'How many pounds is 70 kg?',
];
