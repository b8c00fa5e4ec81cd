/**
 * One press of Verstuur has one id, whatever version of the bot sees it: a press Teams retries
 * across an upgrade must find the signal already issued, not issue it twice.
 */
import type { TurnContext } from 'botbuilder';
import { submissionIdOf } from '../../bot/submission-id';

function press(replyToId: string | undefined, memberId = '11111111-1111-4111-8111-111111111111', conversationId = 'a:1Xk9-personal-chat'): TurnContext {
  return { activity: { replyToId, conversation: { id: conversationId }, from: { id: '29:x', aadObjectId: memberId } } } as unknown as TurnContext;
}

describe('submissionIdOf', () => {
  it('gives the id this press had in earlier versions (the derivation is part of the stored data)', () => {
    expect(submissionIdOf(press('1733400000000'), 'child-0')).toBe('4dd0b9d6-7ffd-883d-9bad-032bf853cb21');
  });

  it('gives the same press the same id, and another form, member or child another one', () => {
    const id = submissionIdOf(press('1733400000000'), 'child-0');
    expect(submissionIdOf(press('1733400000000'), 'child-0')).toBe(id);
    // The member's id as Teams sends it, in any case: the same member.
    expect(submissionIdOf(press('1733400000000', '11111111-1111-4111-8111-111111111111'.toUpperCase()), 'child-0')).toBe(id);
    const others = [
      submissionIdOf(press('1733400000001'), 'child-0'),
      submissionIdOf(press('1733400000000', '22222222-2222-4222-8222-222222222222'), 'child-0'),
      submissionIdOf(press('1733400000000'), 'child-1'),
      submissionIdOf(press('1733400000000', undefined, 'a:other-chat'), 'child-0'),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });

  it('is shaped as a name-based UUID (version 8, RFC variant), so it can be the signal id', () => {
    for (let n = 0; n < 200; n++) {
      expect(submissionIdOf(press(`message-${n}`), `child-${n % 8}`)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('has none without the form message it was pressed on', () => {
    expect(submissionIdOf(press(undefined), 'child-0')).toBeUndefined();
  });
});
