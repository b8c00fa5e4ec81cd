import { describeError } from '../../bot/logger';

describe('describeError', () => {
  it('keeps the stack frames only: never a line of a message that runs over several lines', () => {
    const error = new Error('could not parse the form\nfirstName: Noor\nlastName: van Dijk');
    error.stack = [
      'Error: could not parse the form',
      'firstName: Noor',
      'lastName: van Dijk',
      '    at parse (/app/dist/bot/actions/submit-signal.js:10:5)',
      '    at async HwcBot.answerCardAction (/app/dist/bot/hwc-bot.js:120:14)',
    ].join('\n');

    const described = describeError(error);

    expect(described.frames).toEqual([
      'at parse (/app/dist/bot/actions/submit-signal.js:10:5)',
      'at async HwcBot.answerCardAction (/app/dist/bot/hwc-bot.js:120:14)',
    ]);
    expect(JSON.stringify(described)).not.toMatch(/Noor|van Dijk|parse the form/);
  });

  it('keeps at most five frames, and none when the stack has none', () => {
    const error = new Error('x');
    error.stack = ['Error: x', ...Array.from({ length: 9 }, (_, i) => `    at f${i} (/app/f.js:${i}:1)`)].join('\n');
    expect(describeError(error).frames).toEqual(Array.from({ length: 5 }, (_, i) => `at f${i} (/app/f.js:${i}:1)`));
    const bare = new Error('line one\nline two');
    bare.stack = 'Error: line one\nline two';
    expect(describeError(bare).frames).toEqual([]);
  });
});
