import { supportFormCard } from '../../cards/support-form-card';
import { SUPPORT_CATEGORIES } from '../../src/domain/support';
import { actionsOf, errorUnder, inputById, inputsOf, visibleTexts } from './card-walk';
import { aSupportForm } from './views';

describe('the support form card', () => {
  it('offers the six support categories as a multi-select labelled Steun', () => {
    const steun = inputById(supportFormCard(aSupportForm()), 'categories');

    expect(steun).toMatchObject({ type: 'Input.ChoiceSet', label: 'Steun', isMultiSelect: true, style: 'expanded' });
    expect(steun.choices).toEqual([
      { title: 'Geen straf bij te laat komen of vergeten', value: 'no_penalty' },
      { title: 'Rustige plek / time-out', value: 'quiet_place' },
      { title: 'Luisterend oor aangeboden', value: 'listening_ear' },
      { title: 'Mentor of leerkracht geïnformeerd', value: 'teacher_informed' },
      { title: 'Toets of opdracht uitgesteld', value: 'test_postponed' },
      { title: 'Anders', value: 'other' },
    ]);
    expect((steun.choices as Array<{ value: string }>).map((c) => c.value)).toEqual([...SUPPORT_CATEGORIES]);
  });

  it('asks whether the school already had concerns: Ja, Nee, Weet ik niet', () => {
    const zorg = inputById(supportFormCard(aSupportForm()), 'priorConcern');

    expect(zorg.label).toBe('Was er op school al zorg over dit kind?');
    expect(zorg.isMultiSelect).toBeUndefined();
    expect(zorg.choices).toEqual([
      { title: 'Ja', value: 'yes' },
      { title: 'Nee', value: 'no' },
      { title: 'Weet ik niet', value: 'unknown' },
    ]);
  });

  it('has no free-text input at all, and says that only categories are stored', () => {
    const card = supportFormCard(aSupportForm());

    expect(inputsOf(card).map((i) => i.type)).toEqual(['Input.ChoiceSet', 'Input.ChoiceSet']);
    expect(visibleTexts(card).join(' ')).toMatch(/geen vrije tekst/);
  });

  it('has an Opslaan button that saves support for this signal', () => {
    const actions = actionsOf(supportFormCard(aSupportForm({ signalId: 'sig-42' })));

    expect(actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'support.save', title: 'Opslaan', data: { signalId: 'sig-42' } }),
    ]);
  });

  it('comes back with the choices kept (comma-separated) and a message under each missing answer', () => {
    const kept = supportFormCard(aSupportForm({ values: { categories: ['quiet_place', 'other'] }, errors: { priorConcern: 'required' } }));

    expect(inputById(kept, 'categories').value).toBe('quiet_place,other');
    expect(errorUnder(kept, 'categories')).toBeUndefined();
    expect(errorUnder(kept, 'priorConcern')).toBe('Kies een antwoord.');

    const empty = supportFormCard(aSupportForm({ values: { categories: [], priorConcern: 'unknown' }, errors: { categories: 'required' } }));
    expect(inputById(empty, 'priorConcern').value).toBe('unknown');
    expect(errorUnder(empty, 'categories')).toBe('Kies minstens één vorm van steun.');
  });

  it('shows which child and which signal it is about', () => {
    expect(visibleTexts(supportFormCard(aSupportForm()))).toEqual(
      expect.arrayContaining(["Zoë van 't Hoff-Achterberg", 'HWC-7F3K']),
    );
  });

  it('speaks English for an English user', () => {
    const card = supportFormCard(aSupportForm({ locale: 'en' }));

    expect(inputById(card, 'categories').label).toBe('Support');
    expect(inputById(card, 'priorConcern').label).toBe('Was the school already concerned about this child?');
    expect(actionsOf(card)[0]?.title).toBe('Save');
  });
});
