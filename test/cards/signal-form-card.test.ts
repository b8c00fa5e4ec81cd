import { signalFormCard } from '../../cards/signal-form-card';
import { actionsOf, errorUnder, inputById, inputsOf } from './card-walk';
import { aSignalForm, SCHOOLS } from './views';

describe('the signal form card', () => {
  it('asks for Voornaam, Achternaam, Geboortedatum and School, and nothing else', () => {
    const card = signalFormCard(aSignalForm());

    expect(inputsOf(card).map((i) => [i.id, i.type, i.label])).toEqual([
      ['firstName', 'Input.Text', 'Voornaam'],
      ['lastName', 'Input.Text', 'Achternaam'],
      ['birthDate', 'Input.Date', 'Geboortedatum'],
      ['schoolId', 'Input.ChoiceSet', 'School'],
    ]);
  });

  it('requires every field and limits names to 60 characters', () => {
    const card = signalFormCard(aSignalForm());

    for (const input of inputsOf(card)) {
      expect(input.isRequired).toBe(true);
      expect(input.errorMessage).toEqual(expect.any(String));
    }
    expect(inputById(card, 'firstName').maxLength).toBe(60);
    expect(inputById(card, 'lastName').maxLength).toBe(60);
    expect(inputById(card, 'firstName').errorMessage).toBe('Vul een voornaam in.');
  });

  it("offers the worker's schools in a searchable list, by name, with the school id as value", () => {
    const school = inputById(signalFormCard(aSignalForm()), 'schoolId');

    expect(school.style).toBe('filtered');
    expect(school.choices).toEqual(SCHOOLS.map((s) => ({ title: s.name, value: s.id })));
  });

  it('has one button, Verstuur signaal, that sends the inputs with verb signal.submit', () => {
    const actions = actionsOf(signalFormCard(aSignalForm()));

    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'signal.submit',
      title: 'Verstuur signaal',
      associatedInputs: 'auto',
    });
  });

  it('comes back with the typed values kept and a message under each wrong field only', () => {
    const card = signalFormCard(
      aSignalForm({
        values: { firstName: 'Zoë', lastName: '', birthDate: '2025-01-01', schoolId: '34CD01' },
        errors: { lastName: 'required', birthDate: 'tooYoung' },
      }),
    );

    expect(inputById(card, 'firstName').value).toBe('Zoë');
    expect(inputById(card, 'birthDate').value).toBe('2025-01-01');
    expect(inputById(card, 'schoolId').value).toBe('34CD01');
    expect(errorUnder(card, 'firstName')).toBeUndefined();
    expect(errorUnder(card, 'lastName')).toBe('Vul een achternaam in.');
    expect(errorUnder(card, 'birthDate')).toBe('Het kind moet minstens 2 jaar oud zijn.');
    expect(errorUnder(card, 'schoolId')).toBeUndefined();
  });

  it('names the field and the rule in each message', () => {
    const card = signalFormCard(
      aSignalForm({
        errors: { firstName: 'tooLong', lastName: 'characters', birthDate: 'tooOld', schoolId: 'notAllowed' },
      }),
    );

    expect(errorUnder(card, 'firstName')).toBe('De voornaam mag maximaal 60 tekens lang zijn.');
    expect(errorUnder(card, 'lastName')).toBe(
      'Gebruik in de achternaam alleen letters, spaties, koppeltekens en apostroffen.',
    );
    expect(errorUnder(card, 'birthDate')).toBe('Het kind mag hoogstens 23 jaar oud zijn.');
    expect(errorUnder(card, 'schoolId')).toBe('Kies een school uit de lijst.');
  });

  it('says so when a date is not a real date, or a school has no contacts yet', () => {
    const card = signalFormCard(aSignalForm({ errors: { birthDate: 'invalid', schoolId: 'noContacts' } }));

    expect(errorUnder(card, 'birthDate')).toBe('Dit is geen geldige datum.');
    expect(errorUnder(card, 'schoolId')).toMatch(/geen contactpersoon/);
  });

  it('shows the error messages in red-attention style, wrapping', () => {
    const card = signalFormCard(aSignalForm({ errors: { firstName: 'required' } }));
    const index = card.body.findIndex((e) => e.id === 'firstName');

    expect(card.body[index + 1]).toMatchObject({ type: 'TextBlock', color: 'attention', wrap: true });
  });

  it('speaks English for an English user', () => {
    const card = signalFormCard(aSignalForm({ locale: 'en', errors: { firstName: 'required' } }));

    expect(inputsOf(card).map((i) => i.label)).toEqual(['First name', 'Last name', 'Date of birth', 'School']);
    expect(actionsOf(card)[0]?.title).toBe('Send signal');
    expect(errorUnder(card, 'firstName')).toBe('Enter a first name.');
  });
});
