import { expect } from 'chai';
import { announcedAnswer, announcedLength } from '../../components/announced-answer.js';

describe('announcedAnswer', () => {
  it('keeps a short answer whole', () => {
    expect(announcedAnswer('Done now.')).to.equal('Done now.');
    const exact = 'x'.repeat(announcedLength);
    expect(announcedAnswer(exact)).to.equal(exact);
  });

  it('cuts a long answer at a word, marked with an ellipsis', () => {
    const answer = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const announced = announcedAnswer(answer);
    expect(announced.length).to.be.at.most(announcedLength + 1);
    expect(announced.endsWith('…')).to.equal(true);
    expect(answer.startsWith(announced.slice(0, -1))).to.equal(true);
    expect(announced.at(-2)).to.not.equal(' ');
    expect(answer.charAt(announced.length - 1)).to.equal(' ', 'cut before a space');
  });

  it('never splits a surrogate pair when there is no space to cut at', () => {
    const answer = `${'a'.repeat(announcedLength - 1)}🙂${'b'.repeat(100)}`;
    const announced = announcedAnswer(answer);
    expect(announced).to.equal(`${'a'.repeat(announcedLength - 1)}…`);
  });
});
