import { expect } from 'chai';
import { parseSmallTalk } from '../../demo/model/grammar/small-talk.js';

describe('the small talk grammar', () => {
  it('recognises greetings, thanks, goodbyes, identity and capability questions', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['hi', 'greeting'],
      ['Hello there!', 'greeting'],
      ['good morning :)', 'greeting'],
      ['hey, how are you?', 'how-are-you'],
      ['thanks a lot!', 'thanks'],
      ['thank you so much', 'thanks'],
      ['bye', 'farewell'],
      ['who are you?', 'identity'],
      ['are you ChatGPT?', 'identity'],
      ['hi, what are you?', 'identity'],
      ['what can you do?', 'capabilities'],
      ['help', 'capabilities'],
      ['How does this work?', 'capabilities'],
      ['tell me a joke', 'joke'],
      ['ok cool', 'acknowledgement'],
      ['lol', 'acknowledgement'],
    ];
    for (const [message, kind] of cases)
      expect(parseSmallTalk(message)?.kind, message).to.equal(kind);
  });

  it('leaves a greeting followed by a real question to the other skills', () => {
    for (const message of [
      'hi, what is 2 + 2?',
      'hello, what time is it in Tokyo?',
      'thanks, now convert 3 km to miles',
      'I have 2 cats',
    ])
      expect(parseSmallTalk(message), message).to.equal(undefined);
  });
});
