import { en } from '../../cards/i18n/en';
import { nl } from '../../cards/i18n/nl';
import { localeFrom, stringsFor } from '../../cards/i18n/strings';
import { ErrorCodes } from '../../src/domain/errors';

/** Every leaf of a string table as "path: kind", so two tables can be compared by shape. */
function shape(table: unknown, path = ''): string[] {
  if (typeof table === 'function') return [`${path}: function/${table.length}`];
  if (typeof table === 'string') return [`${path}: string`];
  if (Array.isArray(table)) return table.flatMap((item, i) => shape(item, `${path}[${i}]`));
  if (typeof table === 'object' && table !== null) {
    return Object.entries(table).flatMap(([key, value]) => shape(value, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${typeof table}`];
}

function leaves(table: unknown): string[] {
  if (typeof table === 'string') return [table];
  if (typeof table === 'object' && table !== null) return Object.values(table).flatMap(leaves);
  return [];
}

describe('the string tables', () => {
  it('have exactly the same keys, arrays and functions in Dutch and English', () => {
    expect(shape(en).sort()).toEqual(shape(nl).sort());
  });

  it('have no empty texts', () => {
    for (const text of [...leaves(nl), ...leaves(en)]) expect(text.trim()).not.toBe('');
  });

  it('are really translated, not copied: most texts differ between the languages', () => {
    const dutch = leaves(nl);
    const english = leaves(en);
    const same = dutch.filter((text, i) => text === english[i]);

    // Shared by design: the name Handle with Care, "School", the status command word.
    expect(same.length).toBeLessThan(8);
  });

  it('have a text for each coded error a user can meet, the ALREADY_ACKNOWLEDGED one naming who and when', () => {
    const userFacing = [
      ErrorCodes.signalNotFound,
      ErrorCodes.alreadyAcknowledged,
      ErrorCodes.notAcknowledged,
      ErrorCodes.supportLocked,
      ErrorCodes.supportClosed,
      ErrorCodes.redacted,
      ErrorCodes.roleRequired,
      ErrorCodes.notYourSignal,
      ErrorCodes.unknownMember,
      ErrorCodes.alreadyRouted,
      ErrorCodes.alreadyClosed,
      ErrorCodes.schoolTried,
      ErrorCodes.notAtSchool,
      ErrorCodes.notBounced,
      ErrorCodes.notEscalated,
      ErrorCodes.escalationTaken,
      ErrorCodes.noRecipients,
    ];
    expect(Object.keys(nl.errors).sort()).toEqual([...userFacing].sort());
    expect(nl.errors['SIGNAL.ALREADY_ACKNOWLEDGED'].text('Anouk Jansen', '08:12')).toBe(
      'Dit signaal is al opgepakt door Anouk Jansen om 08:12. Je hoeft niets te doen.',
    );
    expect(nl.errors['SIGNAL.SUPPORT_LOCKED'].text).toContain('alleen op dezelfde dag');
  });

  it('explain the routing refusals, ALREADY_ROUTED naming who, to which school and when', () => {
    expect(nl.errors['SIGNAL.ALREADY_ROUTED'].text('Sanne de Vries', 'Het Kompas', '08:02')).toBe(
      'Dit signaal is al doorgestuurd door Sanne de Vries naar Het Kompas om 08:02. Je hoeft niets te doen.',
    );
    expect(en.errors['SIGNAL.ALREADY_ROUTED'].text('Sanne de Vries', 'Het Kompas', '08:02')).toContain(
      'forwarded by Sanne de Vries to Het Kompas at 08:02',
    );
    expect(nl.errors['SIGNAL.ALREADY_CLOSED'].text).toBe('Er is al vastgesteld dat er geen school is gevonden.');
    expect(nl.errors['SIGNAL.SCHOOL_TRIED'].text).toBe(
      'Deze school heeft al laten weten dat het kind daar niet op school zit. Kies een andere school.',
    );
    expect(nl.errors['SIGNAL.NOT_AT_SCHOOL'].text).toBe(
      'Dit signaal is teruggestuurd en ligt niet meer bij jouw school. Er is niets veranderd.',
    );
    expect(nl.errors['SIGNAL.NOT_BOUNCED'].text).toBe('Dit signaal is niet (meer) teruggestuurd; er is niets te doen.');
    expect(nl.bot.notIssuer.text).toBe('Alleen wie het signaal verstuurde kan dit doen.');
    expect(nl.bot.notLeerplicht.text).toBe('Alleen leerplichtambtenaren van deze gemeente kunnen dit signaal doorsturen.');
  });

  it('explain the escalation refusals, ESCALATION_TAKEN naming who already took it on', () => {
    expect(nl.errors['SIGNAL.ESCALATION_TAKEN'].text('Sanne de Vries')).toBe(
      'Sanne de Vries neemt al contact op met de school. Je hoeft niets te doen.',
    );
    expect(en.errors['SIGNAL.ESCALATION_TAKEN'].text('Sanne de Vries')).toBe(
      'Sanne de Vries is already contacting the school. You do not need to do anything.',
    );
    expect(nl.errors['SIGNAL.NOT_ESCALATED'].text).toBe('Dit signaal is niet geëscaleerd; er is niets te doen.');
    expect(nl.bot.notCoordinator.text).toBe('Alleen coördinatoren van deze gemeente kunnen dit oppakken.');
    expect(en.bot.notCoordinator.text).toBe('Only coordinators of this municipality can take this on.');
  });

  it('name the leerplicht choice of the signal form after the municipality', () => {
    expect(nl.signalForm.viaLeerplicht('Heerlen')).toBe('School onbekend — via leerplicht Heerlen');
    expect(en.signalForm.viaLeerplicht('Heerlen')).toBe('School unknown — via the attendance officer of Heerlen');
  });

  it('give the bot its answers: unknown command, refusals, a generic error with its reference', () => {
    expect(nl.bot.unknownCommand.text).toMatch(/^Dat commando ken ik niet\. Typ \*\*help\*\*/);
    expect(nl.bot.genericError.text('c0ffee-12')).toContain('c0ffee-12');
    expect(en.bot.genericError.text('c0ffee-12')).toContain('c0ffee-12');
  });

  it('are chosen by locale', () => {
    expect(stringsFor('nl')).toBe(nl);
    expect(stringsFor('en')).toBe(en);
  });
});

describe('choosing the language', () => {
  it.each([
    [undefined, 'nl', 'nl'],
    ['nl-NL', 'nl', 'nl'],
    ['nl-BE', 'nl', 'nl'],
    ['en-US', 'nl', 'en'],
    ['en-GB', 'nl', 'en'],
    ['de-DE', 'nl', 'nl'],
    ['nl-NL', 'en', 'en'],
  ] as const)('Teams locale %s with HWC_LOCALE=%s gives %s', (teamsLocale, configured, expected) => {
    expect(localeFrom(teamsLocale, configured)).toBe(expected);
  });
});
