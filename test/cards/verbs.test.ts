import { parseCardAction, Verbs } from '../../cards/verbs';

describe('parsing what a card button sends', () => {
  it('reads a signal form submit, inputs merged into data', () => {
    const parsed = parseCardAction('signal.submit', {
      firstName: 'Zoë',
      lastName: 'Hoff',
      birthDate: '2015-03-09',
      schoolId: '12AB00',
    });

    expect(parsed).toEqual({
      ok: true,
      action: {
        verb: 'signal.submit',
        data: { firstName: 'Zoë', lastName: 'Hoff', birthDate: '2015-03-09', schoolId: '12AB00' },
      },
    });
  });

  it('accepts an empty submit: missing fields are the form\'s job to report', () => {
    expect(parseCardAction(Verbs.signalSubmit, {})).toEqual({ ok: true, action: { verb: 'signal.submit', data: {} } });
    expect(parseCardAction(Verbs.signalSubmit, undefined)).toMatchObject({ ok: true });
  });

  it('drops keys Teams adds that are not ours', () => {
    const parsed = parseCardAction('signal.acknowledge', { signalId: 'sig-1', msteams: { type: 'x' }, extra: 1 });

    expect(parsed).toEqual({ ok: true, action: { verb: 'signal.acknowledge', data: { signalId: 'sig-1' } } });
  });

  it('reads support.save with the multi-select as comma-separated text, and support.edit', () => {
    expect(parseCardAction('support.save', { signalId: 's', categories: 'quiet_place,other', priorConcern: 'no' })).toEqual({
      ok: true,
      action: { verb: 'support.save', data: { signalId: 's', categories: 'quiet_place,other', priorConcern: 'no' } },
    });
    expect(parseCardAction('support.edit', { signalId: 's' })).toEqual({
      ok: true,
      action: { verb: 'support.edit', data: { signalId: 's' } },
    });
  });

  it('names an unknown verb as such', () => {
    expect(parseCardAction('signal.delete', { signalId: 's' })).toEqual({ ok: false, reason: 'unknown_verb' });
    expect(parseCardAction('toString', {})).toEqual({ ok: false, reason: 'unknown_verb' });
  });

  it.each([
    ['signal.acknowledge', {}],
    ['signal.acknowledge', { signalId: '' }],
    ['signal.acknowledge', { signalId: 'x'.repeat(101) }],
    ['support.save', { categories: 'other' }],
    ['support.edit', { signalId: 42 }],
    ['signal.submit', { firstName: 'x'.repeat(1001) }],
    ['signal.submit', { birthDate: { $gt: '' } }],
    ['signal.submit', 'not an object'],
  ])('refuses %s with data %j', (verb, data) => {
    expect(parseCardAction(verb, data)).toEqual({ ok: false, reason: 'invalid_data' });
  });
});
