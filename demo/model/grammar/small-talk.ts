import { lex } from './lexer.js';
import { matchPhrases, type PhraseTable } from './phrase-matcher.js';

/** What a bit of small talk is. */
export type SmallTalk = 'greeting' | 'how-are-you' | 'thanks' | 'farewell' | 'identity' | 'capabilities' | 'joke' | 'acknowledgement';

const phrases: PhraseTable<SmallTalk> = [
  ...['hi', 'hello', 'hey', 'heya', 'hiya', 'howdy', 'yo', 'hallo', 'hola', 'bonjour', 'greetings', 'good morning', 'good afternoon', 'good evening', 'good day', 'morning', 'evening', 'sup', 'what is up', 'wassup', 'hey there', 'hi there', 'hello there'].map((p) => [p, 'greeting'] as const),
  ...['how are you', 'how are you doing', 'how is it going', 'how do you do', 'how have you been', 'you ok', 'are you ok', 'how are things', 'how is your day'].map((p) => [p, 'how-are-you'] as const),
  ...['thanks', 'thank you', 'thx', 'ty', 'cheers', 'much appreciated', 'appreciate it', 'thank u', 'tysm', 'many thanks'].map((p) => [p, 'thanks'] as const),
  ...['bye', 'goodbye', 'good bye', 'see you', 'see ya', 'cya', 'later', 'good night', 'goodnight', 'farewell', 'i am done', 'that is all'].map((p) => [p, 'farewell'] as const),
  ...['who are you', 'what are you', 'what is your name', 'your name', 'who made you', 'who built you', 'who created you', 'are you real', 'are you human', 'are you a bot', 'are you a robot', 'are you an ai', 'are you ai', 'are you a person', 'are you chatgpt', 'are you gpt', 'are you an llm', 'are you a real ai', 'are you a real model', 'are you a model', 'is this chatgpt', 'is this a real ai', 'introduce yourself', 'tell me about yourself'].map((p) => [p, 'identity'] as const),
  ...['what can you do', 'what do you do', 'help', 'what can i ask', 'what can i do', 'how does this work', 'what are your skills', 'what tools do you have', 'what tools', 'what else can you do', 'what else', 'options', 'menu', 'examples', 'what should i ask', 'what can i try', 'what do you know', 'show me what you can do', 'commands', 'capabilities', 'what are you good at', 'what can you help with', 'what can you help me with', 'how do i use this', 'how do i use you', 'what is this', 'what can this do', 'what do i do'].map((p) => [p, 'capabilities'] as const),
  ...['tell me a joke', 'a joke', 'joke', 'make me laugh', 'something funny', 'say something funny', 'know any jokes', 'another joke'].map((p) => [p, 'joke'] as const),
  ...['ok', 'okay', 'k', 'cool', 'nice', 'great', 'awesome', 'wow', 'lol', 'haha', 'hah', 'good', 'perfect', 'got it', 'i see', 'alright', 'all right', 'sure', 'yes', 'no', 'yeah', 'yep', 'nope', 'hmm', 'interesting', 'amazing', 'neat', 'brilliant', 'fine', 'sweet', 'excellent', 'good job', 'well done', 'nice one', 'makes sense', 'fair enough', 'oh', 'ah', 'test', 'testing'].map((p) => [p, 'acknowledgement'] as const),
];

// Words that may surround small talk without changing it: "hi there, demo model!".
const fillers = new Set(['there', 'again', 'so', 'much', 'very', 'a', 'lot', 'you', 'buddy', 'friend', 'mate', 'bot', 'demo', 'model', 'please', 'just', 'and', 'oh', 'well', 'then', 'the', 'all', 'everyone', 'folks', 'assistant', 'agent', 'for', 'that', 'this', 'it', 'now', 'really', 'exactly', 'can', 'could', 'me', 'tell', 'do', 'today', 'guys', 'one', 'anyway', 'ai', 'man', 'dude', 'sir', '?', '!', '.', ',', ':', ')', '(', '-', '…', ';']);

const priority: readonly SmallTalk[] = ['identity', 'capabilities', 'joke', 'how-are-you', 'thanks', 'farewell', 'greeting', 'acknowledgement'];

/**
 * Recognises small talk: greetings, thanks, goodbyes, "who are you?", "what can you do?", a
 * joke, "ok"/"cool". The whole message must be small talk (a greeting in front of a question
 * is not). Returns the most telling kind when there are several ("hi, who are you?" is identity).
 */
export function parseSmallTalk(message: string): { readonly kind: SmallTalk; readonly greeted: boolean } | undefined {
  const lexemes = lex(message);
  if (lexemes.length === 0 || lexemes.length > 16) return undefined;
  const { meanings, leftover } = matchPhrases(lexemes, phrases);
  if (meanings.length === 0 || !leftover.every((word) => fillers.has(word) || /^\p{Extended_Pictographic}$/u.test(word))) return undefined;
  const kind = priority.find((candidate) => meanings.includes(candidate));
  return kind ? { kind, greeted: meanings.includes('greeting') } : undefined;
}
