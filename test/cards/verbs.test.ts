import { parseCardAction, Verbs } from '../../cards/verbs';
import { MAX_CHILDREN_PER_FORM } from '../../src/domain/routing';

describe('parsing what a card button sends', () => {
  it('reads a signal form submit as one child per block, from the suffixed input ids', () => {
    const parsed = parseCardAction('signal.submit', {
      children: 2,
      firstName_0: 'Zoë',
      lastName_0: 'Hoff',
      birthDate_0: '2015-03-09',
      schoolId_0: '12AB00',
      firstName_1: 'Mila',
      lastName_1: '',
      birthDate_1: '2012-11-30',
      schoolId_1: 'leerplicht:GM0917',
    });

    expect(parsed).toEqual({
      ok: true,
      action: {
        verb: 'signal.submit',
        data: {
          children: [
            { firstName: 'Zoë', lastName: 'Hoff', birthDate: '2015-03-09', schoolId: '12AB00' },
            { firstName: 'Mila', lastName: '', birthDate: '2012-11-30', schoolId: 'leerplicht:GM0917' },
          ],
        },
      },
    });
  });

  it('reads signal.add_child the same way', () => {
    expect(parseCardAction(Verbs.signalAddChild, { children: 1, firstName_0: 'Zoë' })).toEqual({
      ok: true,
      action: { verb: 'signal.add_child', data: { children: [{ firstName: 'Zoë' }] } },
    });
  });

  it('still reads a form sent before households, with unsuffixed keys, as child 0', () => {
    expect(
      parseCardAction('signal.submit', { firstName: 'Zoë', lastName: 'Hoff', birthDate: '2015-03-09', schoolId: '12AB00' }),
    ).toEqual({
      ok: true,
      action: {
        verb: 'signal.submit',
        data: { children: [{ firstName: 'Zoë', lastName: 'Hoff', birthDate: '2015-03-09', schoolId: '12AB00' }] },
      },
    });
  });

  it('prefers the suffixed key when both arrive, and never reads unsuffixed keys into later children', () => {
    expect(parseCardAction('signal.submit', { children: 2, firstName: 'Oud', firstName_0: 'Nieuw', lastName: 'Hoff' })).toEqual({
      ok: true,
      action: { verb: 'signal.submit', data: { children: [{ firstName: 'Nieuw', lastName: 'Hoff' }, {}] } },
    });
  });

  it('reads as many children as the form says: missing means 1, numeric text is accepted', () => {
    const count = (data: unknown): number | undefined => {
      const parsed = parseCardAction('signal.submit', data);
      return parsed.ok && parsed.action.verb === 'signal.submit' ? parsed.action.data.children.length : undefined;
    };

    expect(count({})).toBe(1);
    expect(count(undefined)).toBe(1);
    expect(count({ children: 1 })).toBe(1);
    expect(count({ children: '3' })).toBe(3);
    expect(count({ children: MAX_CHILDREN_PER_FORM })).toBe(MAX_CHILDREN_PER_FORM);
  });

  it.each([0, -1, MAX_CHILDREN_PER_FORM + 1, '9', 1.5, '2.5', '', ' 2', 'twee', true, null, [2], Number.NaN])(
    'refuses a children count of %j',
    (children) => {
      expect(parseCardAction('signal.submit', { children })).toEqual({ ok: false, reason: 'invalid_data' });
      expect(parseCardAction('signal.add_child', { children })).toEqual({ ok: false, reason: 'invalid_data' });
    },
  );

  it('leaves out blocks beyond the count and keys that are not ours', () => {
    const parsed = parseCardAction('signal.submit', {
      children: 1,
      firstName_0: 'Zoë',
      firstName_1: 'Mila',
      address_0: 'Dorpsstraat 1',
      incident: 'politie-inzet',
      msteams: { type: 'x' },
    });

    expect(parsed).toEqual({ ok: true, action: { verb: 'signal.submit', data: { children: [{ firstName: 'Zoë' }] } } });
  });

  it("accepts an empty submit: missing fields are the form's job to report", () => {
    expect(parseCardAction(Verbs.signalSubmit, {})).toEqual({ ok: true, action: { verb: 'signal.submit', data: { children: [{}] } } });
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

  it('reads the routing buttons: bounce, forward with the chosen school, no school with a reason, to leerplicht', () => {
    expect(parseCardAction('signal.bounce', { signalId: 's', msteams: {} })).toEqual({
      ok: true,
      action: { verb: 'signal.bounce', data: { signalId: 's' } },
    });
    // The route card sends both inputs with either button; each verb keeps only its own.
    expect(parseCardAction('signal.forward', { signalId: 's', schoolId: '34CD01', reason: 'moved' })).toEqual({
      ok: true,
      action: { verb: 'signal.forward', data: { signalId: 's', schoolId: '34CD01' } },
    });
    expect(parseCardAction('signal.forward', { signalId: 's' })).toEqual({
      ok: true,
      action: { verb: 'signal.forward', data: { signalId: 's' } },
    });
    expect(parseCardAction('signal.no_school', { signalId: 's', schoolId: '34CD01', reason: 'moved' })).toEqual({
      ok: true,
      action: { verb: 'signal.no_school', data: { signalId: 's', reason: 'moved' } },
    });
    expect(parseCardAction('signal.to_leerplicht', { signalId: 's', schoolId: 'x' })).toEqual({
      ok: true,
      action: { verb: 'signal.to_leerplicht', data: { signalId: 's' } },
    });
  });

  it('reads escalation.take with only the signal id', () => {
    expect(parseCardAction(Verbs.escalationTake, { signalId: 's', schoolId: 'x', msteams: {} })).toEqual({
      ok: true,
      action: { verb: 'escalation.take', data: { signalId: 's' } },
    });
  });

  it('names an unknown verb as such', () => {
    expect(parseCardAction('signal.delete', { signalId: 's' })).toEqual({ ok: false, reason: 'unknown_verb' });
    expect(parseCardAction('toString', {})).toEqual({ ok: false, reason: 'unknown_verb' });
    expect(parseCardAction('__proto__', {})).toEqual({ ok: false, reason: 'unknown_verb' });
  });

  it.each([
    ['signal.acknowledge', {}],
    ['signal.acknowledge', { signalId: '' }],
    ['signal.acknowledge', { signalId: 'x'.repeat(101) }],
    ['support.save', { categories: 'other' }],
    ['support.edit', { signalId: 42 }],
    ['signal.submit', { firstName: 'x'.repeat(1001) }],
    ['signal.submit', { firstName_0: 'x'.repeat(1001) }],
    ['signal.submit', { birthDate: { $gt: '' } }],
    ['signal.submit', { children: 2, schoolId_1: ['12AB00'] }],
    ['signal.submit', 'not an object'],
    ['signal.add_child', [1, 2]],
    ['signal.bounce', {}],
    ['signal.forward', { schoolId: '12AB00' }],
    ['signal.forward', { signalId: 's', schoolId: 12 }],
    ['signal.no_school', { signalId: 's', reason: 'x'.repeat(1001) }],
    ['signal.to_leerplicht', { signalId: '' }],
    ['escalation.take', {}],
    ['escalation.take', { signalId: '' }],
    ['escalation.take', { signalId: 7 }],
  ])('refuses %s with data %j', (verb, data) => {
    expect(parseCardAction(verb, data)).toEqual({ ok: false, reason: 'invalid_data' });
  });

  it('never throws, whatever arrives', () => {
    const hostile: unknown[] = [null, 0, 'x', [], { children: { valueOf: () => 2 } }, Object.create(null), { __proto__: { children: 3 } }];
    for (const verb of Object.values(Verbs)) {
      for (const data of hostile) expect(() => parseCardAction(verb, data)).not.toThrow();
    }
  });
});
