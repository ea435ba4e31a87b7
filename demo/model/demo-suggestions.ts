/** Prompts the demo model answers well; shown in the page and in its greeting. */
export const demoSuggestions: readonly string[] = [
  'What is 17 * 23?',
  'What time is it in Tokyo and London?',
  'Convert 10 km to miles',
  'Which is bigger, 9.11 or 9.9?',
  'Send an email to ada@example.com about lunch',
  'Show me some markdown',
  'Tell me a long story',
];
