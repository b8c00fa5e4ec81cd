/**
 * Teams refuses a message over about 100 KB (counted as UTF-16) with 413, and a 413 is final: the
 * card is lost. School pickers above a few dozen schools therefore ask the bot as the user types
 * (dynamic typeahead) instead of carrying every school; every card stays well under the limit in
 * the largest region we plan for.
 */
import { routeCard } from '../../cards/route-card';
import { signalFormCard } from '../../cards/signal-form-card';
import { STATIC_SCHOOL_CHOICES_MAX } from '../../cards/verbs';
import type { ChildFormEntry, DestinationOption } from '../../cards/view-models';
import { inputById } from './card-walk';
import { aRoute, aSignalForm } from './views';

const SCHOOL_COUNT = 2_000;
const CHILDREN = 8;
const LIMIT_BYTES = 40 * 1024;

/** Long, realistic names: the size of a real directory, not of `S1`. */
const schools = Array.from({ length: SCHOOL_COUNT }, (_, i) => ({
  id: `${String(10 + (i % 90)).padStart(2, '0')}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) % 26))}${String(i % 100).padStart(2, '0')}`,
  name: `Openbare Basisschool De Twaalf Ambachten locatie ${i + 1}`,
}));
const leerplicht: DestinationOption[] = ['Heerlen', 'Kerkrade', 'Landgraaf', 'Brunssum'].map((name, i) => ({
  value: `leerplicht:GM09${i}`,
  title: `School onbekend — via leerplicht ${name}`,
}));
const destinations: DestinationOption[] = [...schools.map((s) => ({ value: s.id, title: s.name })), ...leerplicht];

const child = (i: number): ChildFormEntry => ({
  values: { firstName: 'Maximiliaan-Alexander', lastName: "van 't Hoff-Achterberg", birthDate: '2015-03-09', schoolId: schools[i * 100]!.id },
  errors: { schoolId: 'noContacts', firstName: 'mixedScripts' },
});

const bytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

describe(`every card with ${SCHOOL_COUNT} schools and ${CHILDREN} children`, () => {
  const cards = {
    'the household signal form': signalFormCard(
      aSignalForm({ destinations, children: Array.from({ length: CHILDREN }, (_, i) => child(i)), maxChildren: CHILDREN }),
    ),
    "the leerplicht officer's route card": routeCard(
      aRoute({
        schools,
        triedSchoolNames: schools.slice(0, 5).map((s) => s.name),
        values: { schoolId: schools[1500]!.id, reason: 'moved' },
        errors: { schoolId: 'tried' },
      }),
    ),
  };

  it.each(Object.entries(cards))('keeps %s under 40 KB of JSON', (_name, card) => {
    expect(bytes(card)).toBeLessThan(LIMIT_BYTES);
  });
});

describe('a school picker above the static limit', () => {
  const form = signalFormCard(aSignalForm({ destinations, children: [child(3)] }));
  const route = routeCard(aRoute({ signalId: 'sig-42', schools, values: { schoolId: schools[7]!.id } }));

  it('asks the bot for the schools as the user types, per signal on the route card', () => {
    expect(inputById(route, 'schoolId')['choices.data']).toEqual({ type: 'Data.Query', dataset: 'route.schools:sig-42' });
    expect(inputById(form, 'schoolId_0')['choices.data']).toEqual({ type: 'Data.Query', dataset: 'signal.destinations' });
    expect(inputById(route, 'schoolId').style).toBe('filtered');
  });

  it('keeps the chosen school as a choice, so the card shows its name when it comes back', () => {
    expect(inputById(route, 'schoolId')).toMatchObject({ value: schools[7]!.id, choices: [{ title: schools[7]!.name, value: schools[7]!.id }] });
    expect(inputById(form, 'schoolId_0').choices).toEqual(expect.arrayContaining([{ title: schools[300]!.name, value: schools[300]!.id }]));
  });

  it('keeps leerplicht on the signal form as a fixed choice: it is the way out when the school is unknown', () => {
    const choices = inputById(signalFormCard(aSignalForm({ destinations })), 'schoolId_0').choices;
    expect(choices).toEqual(leerplicht.map((d) => ({ title: d.title, value: d.value })));
  });
});

describe('a school picker at or below the static limit', () => {
  it(`lists up to ${STATIC_SCHOOL_CHOICES_MAX} schools in the card itself, without asking the bot`, () => {
    const few = schools.slice(0, STATIC_SCHOOL_CHOICES_MAX);
    const route = inputById(routeCard(aRoute({ schools: few })), 'schoolId');
    const form = inputById(signalFormCard(aSignalForm({ destinations: [...few.map((s) => ({ value: s.id, title: s.name })), ...leerplicht] })), 'schoolId_0');

    expect(STATIC_SCHOOL_CHOICES_MAX).toBe(30);
    expect(route['choices.data']).toBeUndefined();
    expect(route.choices).toHaveLength(30);
    expect(form['choices.data']).toBeUndefined();
    expect(form.choices).toHaveLength(30 + leerplicht.length);
  });
});
