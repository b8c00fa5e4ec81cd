import { routeCard } from '../../cards/route-card';
import { parseCardAction } from '../../cards/verbs';
import { UNROUTABLE_REASONS } from '../../src/domain/routing';
import { actionsOf, errorUnder, inputById, inputsOf, visibleTexts } from './card-walk';
import { aRoute, CHILD, SCHOOLS } from './views';

describe("the leerplicht officer's route card", () => {
  it('says door te sturen and shows the full name, birth date as dd-mm-jjjj, municipality, reference and time', () => {
    const texts = visibleTexts(routeCard(aRoute()));

    expect(texts[0]).toBe('Handle with Care — door te sturen');
    expect(texts).toEqual(
      expect.arrayContaining(["Zoë van 't Hoff-Achterberg", '09-03-2015', 'Heerlen', 'HWC-7F3K', '10-03-2026 07:45']),
    );
  });

  it('offers every school in a searchable choice labelled School', () => {
    const school = inputById(routeCard(aRoute()), 'schoolId');

    expect(school).toMatchObject({ type: 'Input.ChoiceSet', label: 'School', style: 'filtered' });
    expect(school.choices).toEqual(SCHOOLS.map((s) => ({ title: s.name, value: s.id })));
  });

  it('offers the reasons for Geen school gevonden in a compact choice', () => {
    const reason = inputById(routeCard(aRoute()), 'reason');

    expect(reason).toMatchObject({ type: 'Input.ChoiceSet', label: 'Reden als je geen school vindt', style: 'compact' });
    expect(reason.choices).toEqual([
      { title: 'Niet leerplichtig', value: 'not_compulsory' },
      { title: 'Verhuisd', value: 'moved' },
      { title: 'Buiten de regio', value: 'outside_region' },
      { title: 'Anders', value: 'other' },
    ]);
    expect((reason.choices as Array<{ value: string }>).map((c) => c.value)).toEqual([...UNROUTABLE_REASONS]);
  });

  it('marks neither choice required, so each button works without the other field', () => {
    for (const input of inputsOf(routeCard(aRoute()))) expect(input.isRequired).toBeUndefined();
  });

  it('has Doorsturen naar school and Geen school gevonden, both for this signal and sending the choices', () => {
    const card = routeCard(aRoute({ signalId: 'sig-42' }));

    expect(actionsOf(card)).toEqual([
      {
        type: 'Action.Execute',
        verb: 'signal.forward',
        title: 'Doorsturen naar school',
        data: { signalId: 'sig-42' },
        associatedInputs: 'auto',
        style: 'positive',
      },
      {
        type: 'Action.Execute',
        verb: 'signal.no_school',
        title: 'Geen school gevonden',
        data: { signalId: 'sig-42' },
        associatedInputs: 'auto',
      },
    ]);
    expect(parseCardAction('signal.forward', { signalId: 'sig-42', schoolId: '34CD01', reason: '' })).toEqual({
      ok: true,
      action: { verb: 'signal.forward', data: { signalId: 'sig-42', schoolId: '34CD01' } },
    });
  });

  it('says nothing about a return when the signal came straight from Veilig Thuis', () => {
    expect(visibleTexts(routeCard(aRoute())).join('\n')).not.toMatch(/Teruggestuurd|geprobeerd|niet op school/);
  });

  it('says which school sent it back and when, and lists the schools already tried', () => {
    const card = routeCard(
      aRoute({
        returnedBy: { schoolName: 'Het Kompas', at: '2026-03-10T07:30:00.000Z' },
        triedSchoolNames: ['Basisschool De Regenboog', 'Het Kompas'],
      }),
    );
    const texts = visibleTexts(card);

    expect(texts).toContain('Teruggestuurd door Het Kompas om 08:30: niet onze leerling');
    expect(texts).toEqual(expect.arrayContaining(['• Basisschool De Regenboog', '• Het Kompas']));
  });

  it('adds the date when the school sent it back on a later day', () => {
    const card = routeCard(aRoute({ returnedBy: { schoolName: 'Het Kompas', at: '2026-03-11T07:30:00.000Z' } }));

    expect(visibleTexts(card)).toContain('Teruggestuurd door Het Kompas op 11-03-2026 om 08:30: niet onze leerling');
  });

  it('comes back with the choices kept and each problem under its field', () => {
    const tried = routeCard(aRoute({ values: { schoolId: '34CD01', reason: 'moved' }, errors: { schoolId: 'tried' } }));

    expect(inputById(tried, 'schoolId').value).toBe('34CD01');
    expect(inputById(tried, 'reason').value).toBe('moved');
    expect(errorUnder(tried, 'schoolId')).toBe(
      'Deze school heeft al laten weten dat het kind daar niet op school zit. Kies een andere school.',
    );
    expect(errorUnder(tried, 'reason')).toBeUndefined();

    const noReason = routeCard(aRoute({ errors: { reason: 'required' } }));
    expect(errorUnder(noReason, 'schoolId')).toBeUndefined();
    expect(errorUnder(noReason, 'reason')).toBe('Kies een reden als je geen school vindt.');
    expect(inputById(noReason, 'schoolId').value).toBeUndefined();
  });

  it.each([
    ['required', /^Kies een school/],
    ['notAllowed', /^Kies een school uit de lijst\.$/],
    ['noContacts', /geen contactpersoon/],
  ] as const)('explains the school problem %s', (problem, text) => {
    expect(errorUnder(routeCard(aRoute({ errors: { schoolId: problem } })), 'schoolId')).toMatch(text);
  });

  it('passes on no other data about the child, and the birth date only the Dutch way', () => {
    const child = { ...CHILD, address: 'Dorpsstraat 1', incident: 'politie-inzet' };
    const json = JSON.stringify(routeCard(aRoute({ child })));

    expect(json).not.toMatch(/Dorpsstraat|politie-inzet/);
    expect(json).not.toContain('2015-03-09');
  });

  it('speaks English for an English user', () => {
    const card = routeCard(aRoute({ locale: 'en', errors: { schoolId: 'tried' } }));

    expect(visibleTexts(card)[0]).toBe('Handle with Care — to forward');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Forward to school', 'No school found']);
    expect(inputById(card, 'reason').label).toBe('Reason if you cannot find a school');
    expect(errorUnder(card, 'schoolId')).toMatch(/already said the child is not their pupil/);
  });
});
