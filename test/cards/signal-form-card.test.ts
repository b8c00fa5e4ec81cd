import type { AdaptiveCard } from '../../cards/adaptive-card';
import { signalFormCard } from '../../cards/signal-form-card';
import { parseCardAction } from '../../cards/verbs';
import type { ChildFormEntry } from '../../cards/view-models';
import { actionsOf, errorUnder, inputById, inputsOf, visibleTexts } from './card-walk';
import { aSignalForm, DESTINATIONS, SCHOOLS } from './views';

const empty: ChildFormEntry = { values: {}, errors: {} };

/** What Teams sends for a button: its data with every input's current value merged in. */
function pressed(card: AdaptiveCard, title: string): ReturnType<typeof parseCardAction> {
  const action = actionsOf(card).find((a) => a.title === title);
  if (!action) throw new Error(`no button ${title}`);
  const inputs = Object.fromEntries(inputsOf(card).map((i) => [String(i.id), i.value ?? '']));
  return parseCardAction(String(action.verb), { ...(action.data as object), ...inputs });
}

describe('the signal form card, one child', () => {
  it('asks for Voornaam, Achternaam, Geboortedatum and School, and nothing else, with ids for child 0', () => {
    const card = signalFormCard(aSignalForm());

    expect(inputsOf(card).map((i) => [i.id, i.type, i.label])).toEqual([
      ['firstName_0', 'Input.Text', 'Voornaam'],
      ['lastName_0', 'Input.Text', 'Achternaam'],
      ['birthDate_0', 'Input.Date', 'Geboortedatum'],
      ['schoolId_0', 'Input.ChoiceSet', 'School'],
    ]);
  });

  it('has no "Kind 1" heading when there is only one child', () => {
    expect(visibleTexts(signalFormCard(aSignalForm()))).not.toContain('Kind 1');
  });

  it('requires every field and limits names to 60 characters', () => {
    const card = signalFormCard(aSignalForm());

    for (const input of inputsOf(card)) {
      expect(input.isRequired).toBe(true);
      expect(input.errorMessage).toEqual(expect.any(String));
    }
    expect(inputById(card, 'firstName_0').maxLength).toBe(60);
    expect(inputById(card, 'lastName_0').maxLength).toBe(60);
    expect(inputById(card, 'firstName_0').errorMessage).toBe('Vul een voornaam in.');
  });

  it('offers the destinations in a searchable list: the schools, and leerplicht where the school is unknown', () => {
    const school = inputById(signalFormCard(aSignalForm()), 'schoolId_0');

    expect(school.style).toBe('filtered');
    expect(school.choices).toEqual([
      ...SCHOOLS.map((s) => ({ title: s.name, value: s.id })),
      { title: 'School onbekend — via leerplicht Heerlen', value: 'leerplicht:GM0917' },
    ]);
  });

  it('explains the leerplicht choice only when it is offered', () => {
    const hint = /Weet je de school niet\?/;
    const withLeerplicht = visibleTexts(signalFormCard(aSignalForm())).join('\n');
    const schoolsOnly = visibleTexts(
      signalFormCard(aSignalForm({ destinations: DESTINATIONS.filter((d) => !d.value.startsWith('leerplicht:')) })),
    ).join('\n');

    expect(withLeerplicht).toMatch(hint);
    expect(schoolsOnly).not.toMatch(hint);
  });

  it('has Nog een kind and Verstuur signaal, both sending the inputs and the number of children', () => {
    const actions = actionsOf(signalFormCard(aSignalForm()));

    expect(actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'signal.add_child',
        title: 'Nog een kind',
        associatedInputs: 'auto',
        data: { children: 1 },
      }),
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'signal.submit',
        title: 'Verstuur signaal',
        associatedInputs: 'auto',
        style: 'positive',
        data: { children: 1 },
      }),
    ]);
  });

  it('comes back with the typed values kept and a message under each wrong field only', () => {
    const card = signalFormCard(
      aSignalForm({
        children: [
          {
            values: { firstName: 'Zoë', lastName: '', birthDate: '2025-01-01', schoolId: '34CD01' },
            errors: { lastName: 'required', birthDate: 'tooYoung' },
          },
        ],
      }),
    );

    expect(inputById(card, 'firstName_0').value).toBe('Zoë');
    expect(inputById(card, 'lastName_0').value).toBeUndefined();
    expect(inputById(card, 'birthDate_0').value).toBe('2025-01-01');
    expect(inputById(card, 'schoolId_0').value).toBe('34CD01');
    expect(errorUnder(card, 'firstName_0')).toBeUndefined();
    expect(errorUnder(card, 'lastName_0')).toBe('Vul een achternaam in.');
    expect(errorUnder(card, 'birthDate_0')).toBe('Het kind moet minstens 2 jaar oud zijn.');
    expect(errorUnder(card, 'schoolId_0')).toBeUndefined();
  });

  it('names the field and the rule in each message', () => {
    const card = signalFormCard(
      aSignalForm({
        children: [{ values: {}, errors: { firstName: 'tooLong', lastName: 'characters', birthDate: 'tooOld', schoolId: 'notAllowed' } }],
      }),
    );

    expect(errorUnder(card, 'firstName_0')).toBe('De voornaam mag maximaal 60 tekens lang zijn.');
    expect(errorUnder(card, 'lastName_0')).toBe(
      'Gebruik in de achternaam alleen letters, spaties, koppeltekens en apostroffen.',
    );
    expect(errorUnder(card, 'birthDate_0')).toBe('Het kind mag hoogstens 23 jaar oud zijn.');
    expect(errorUnder(card, 'schoolId_0')).toBe('Kies een school uit de lijst.');
  });

  it('says in Dutch why a name with invisible characters, stacked accents or mixed scripts is refused', () => {
    const card = signalFormCard(
      aSignalForm({ children: [{ values: {}, errors: { firstName: 'invisible', lastName: 'mixedScripts' } }] }),
    );
    const stacked = signalFormCard(aSignalForm({ children: [{ values: {}, errors: { firstName: 'combiningMarks' } }] }));

    expect(errorUnder(card, 'firstName_0')).toBe(
      'In de voornaam staan onzichtbare tekens. Typ de naam opnieuw in plaats van hem te plakken.',
    );
    expect(errorUnder(card, 'lastName_0')).toBe(
      'In de achternaam staan letters uit verschillende schriften, zoals Latijnse en Cyrillische. Typ de naam in één schrift.',
    );
    expect(errorUnder(stacked, 'firstName_0')).toBe('In de voornaam staan te veel accenten op één letter.');
  });

  it('says so when a date is not a real date, or a school has no contacts yet', () => {
    const card = signalFormCard(aSignalForm({ children: [{ values: {}, errors: { birthDate: 'invalid', schoolId: 'noContacts' } }] }));

    expect(errorUnder(card, 'birthDate_0')).toBe('Dit is geen geldige datum.');
    expect(errorUnder(card, 'schoolId_0')).toMatch(/geen contactpersoon/);
  });

  it('shows the error messages in red-attention style, wrapping', () => {
    const card = signalFormCard(aSignalForm({ children: [{ values: {}, errors: { firstName: 'required' } }] }));
    const index = card.body.findIndex((e) => e.id === 'firstName_0');

    expect(card.body[index + 1]).toMatchObject({ type: 'TextBlock', color: 'attention', wrap: true });
  });

  it('still shows one child block when given none', () => {
    expect(inputsOf(signalFormCard(aSignalForm({ children: [] }))).map((i) => i.id)).toEqual([
      'firstName_0',
      'lastName_0',
      'birthDate_0',
      'schoolId_0',
    ]);
  });

  it('speaks English for an English user', () => {
    const card = signalFormCard(aSignalForm({ locale: 'en', children: [{ values: {}, errors: { firstName: 'required' } }] }));

    expect(inputsOf(card).map((i) => i.label)).toEqual(['First name', 'Last name', 'Date of birth', 'School']);
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Another child', 'Send signal']);
    expect(errorUnder(card, 'firstName_0')).toBe('Enter a first name.');
  });
});

describe('the signal form card, a household', () => {
  const household = signalFormCard(
    aSignalForm({
      children: [
        { values: { firstName: 'Zoë', lastName: 'Hoff', birthDate: '2015-03-09', schoolId: '12AB00' }, errors: {} },
        {
          values: { firstName: 'B@s', lastName: '', birthDate: '2025-06-01', schoolId: 'nope' },
          errors: { firstName: 'characters', lastName: 'required', birthDate: 'tooYoung', schoolId: 'notAllowed' },
        },
        { values: { firstName: 'Mila', lastName: 'Hoff', birthDate: '2012-11-30', schoolId: 'leerplicht:GM0917' }, errors: {} },
      ],
    }),
  );

  it('shows one block per child, headed Kind 1, Kind 2, Kind 3, with ids suffixed by the child', () => {
    const texts = visibleTexts(household);

    expect(texts.filter((t) => /^Kind \d$/.test(t))).toEqual(['Kind 1', 'Kind 2', 'Kind 3']);
    expect(inputsOf(household).map((i) => i.id)).toEqual([
      'firstName_0',
      'lastName_0',
      'birthDate_0',
      'schoolId_0',
      'firstName_1',
      'lastName_1',
      'birthDate_1',
      'schoolId_1',
      'firstName_2',
      'lastName_2',
      'birthDate_2',
      'schoolId_2',
    ]);
    const labels = inputsOf(household).map((i) => i.label);
    expect(labels.slice(4, 8)).toEqual(['Voornaam', 'Achternaam', 'Geboortedatum', 'School']);
  });

  it("puts each heading right above its child's first field", () => {
    const body = household.body;
    const second = body.findIndex((e) => e.id === 'firstName_1');

    expect(body[second - 1]).toMatchObject({ type: 'TextBlock', text: 'Kind 2' });
  });

  it("shows the problems at child 2's fields only, and keeps every child's values", () => {
    expect(errorUnder(household, 'firstName_1')).toBe(
      'Gebruik in de voornaam alleen letters, spaties, koppeltekens en apostroffen.',
    );
    expect(errorUnder(household, 'lastName_1')).toBe('Vul een achternaam in.');
    expect(errorUnder(household, 'birthDate_1')).toBe('Het kind moet minstens 2 jaar oud zijn.');
    expect(errorUnder(household, 'schoolId_1')).toBe('Kies een school uit de lijst.');
    for (const id of ['firstName_0', 'lastName_0', 'birthDate_0', 'schoolId_0', 'firstName_2', 'schoolId_2']) {
      expect(errorUnder(household, id)).toBeUndefined();
    }
    expect(inputById(household, 'firstName_0').value).toBe('Zoë');
    expect(inputById(household, 'firstName_1').value).toBe('B@s');
    expect(inputById(household, 'birthDate_1').value).toBe('2025-06-01');
    expect(inputById(household, 'schoolId_1').value).toBe('nope');
    expect(inputById(household, 'firstName_2').value).toBe('Mila');
    expect(inputById(household, 'schoolId_2').value).toBe('leerplicht:GM0917');
  });

  it('sends children: 3 with both buttons, so the bot reads back every block', () => {
    expect(actionsOf(household).map((a) => [a.verb, a.data])).toEqual([
      ['signal.add_child', { children: 3 }],
      ['signal.submit', { children: 3 }],
    ]);
    const parsed = pressed(household, 'Verstuur signaal');

    expect(parsed).toEqual({
      ok: true,
      action: {
        verb: 'signal.submit',
        data: {
          children: [
            { firstName: 'Zoë', lastName: 'Hoff', birthDate: '2015-03-09', schoolId: '12AB00' },
            { firstName: 'B@s', lastName: '', birthDate: '2025-06-01', schoolId: 'nope' },
            { firstName: 'Mila', lastName: 'Hoff', birthDate: '2012-11-30', schoolId: 'leerplicht:GM0917' },
          ],
        },
      },
    });
    expect(pressed(household, 'Nog een kind')).toMatchObject({ ok: true, action: { verb: 'signal.add_child' } });
  });

  it('offers no Nog een kind once the household is at its maximum', () => {
    const full = signalFormCard(aSignalForm({ children: Array.from({ length: 8 }, () => empty), maxChildren: 8 }));

    expect(actionsOf(full).map((a) => a.title)).toEqual(['Verstuur signaal']);
    expect(visibleTexts(full).join('\n')).not.toMatch(/Nog een kind/);
    expect(inputsOf(full)).toHaveLength(32);
    expect(pressed(full, 'Verstuur signaal')).toMatchObject({ ok: true });
  });

  it('offers Nog een kind while there is room for one more', () => {
    const seven = signalFormCard(aSignalForm({ children: Array.from({ length: 7 }, () => empty), maxChildren: 8 }));

    expect(actionsOf(seven).map((a) => a.title)).toEqual(['Nog een kind', 'Verstuur signaal']);
  });

  it('speaks English for an English user', () => {
    const card = signalFormCard(aSignalForm({ locale: 'en', children: [empty, empty] }));

    expect(visibleTexts(card)).toEqual(expect.arrayContaining(['Child 1', 'Child 2']));
  });
});
