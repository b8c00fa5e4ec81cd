import { helpCard } from '../../cards/help-card';
import { nl } from '../../cards/i18n/nl';
import { visibleTexts } from './card-walk';

const helpText = (...roles: Parameters<typeof helpCard>[0]['roles']): string =>
  visibleTexts(helpCard({ locale: 'nl', roles })).join('\n');

describe('the help card', () => {
  it('tells a Veilig Thuis worker about signaal and status', () => {
    const text = helpText('vt_worker');

    expect(text).toContain('**signaal**');
    expect(text).toContain('**status**');
    expect(text).not.toContain(nl.help.schoolContact);
  });

  it('tells a school contact that cards arrive here, to press Gezien and record support', () => {
    const text = helpText('school_contact');

    expect(text).toMatch(/in deze chat/);
    expect(text).toMatch(/Gezien/);
    expect(text).toMatch(/steun/);
    expect(text).not.toContain('**signaal**');
  });

  it('tells a leerplicht officer that signals via leerplicht arrive here, how to forward, and about status', () => {
    const text = helpText('leerplicht');

    expect(text).toMatch(/via leerplicht/);
    expect(text).toMatch(/\*\*Doorsturen\*\*/);
    expect(text).toMatch(/\*\*Geen school gevonden\*\*/);
    expect(text).toMatch(/\*\*status\*\*/);
    expect(text).not.toMatch(/binnenkort/);
  });

  it('tells a coordinator that late signals arrive here and to press Ik neem contact op', () => {
    const text = helpText('coordinator');

    expect(text).toContain(
      'Als coördinator krijg je hier een bericht als een school een signaal niet op tijd oppakt; druk op **Ik neem contact op** als jij de school belt.',
    );
    expect(text).not.toMatch(/binnenkort/);
    expect(visibleTexts(helpCard({ locale: 'en', roles: ['coordinator'] })).join('\n')).toContain(
      "**I'll contact the school**",
    );
  });

  it('tells a school contact about Niet onze leerling', () => {
    expect(helpText('school_contact')).toMatch(/\*\*Niet onze leerling\*\*/);
  });

  it('gives one line for each later role, the digest command once, and an admin the audit command too', () => {
    expect(helpText('leerplicht', 'coordinator', 'manager', 'admin').split('\n')).toEqual([
      nl.help.title,
      nl.help.leerplicht,
      nl.help.coordinator,
      nl.digest.help,
      nl.help.manager,
      nl.help.admin,
      nl.audit.help,
      nl.help.helpCommand,
    ]);
  });

  it('tells managers and coordinators, and only them, how to get the weekly overview', () => {
    for (const role of ['coordinator', 'manager'] as const) {
      expect(helpText(role)).toContain('**overzicht** — het weekoverzicht van vorige week; **overzicht 2026-W47** voor een andere week.');
    }
    for (const role of ['vt_worker', 'school_contact', 'leerplicht', 'admin'] as const) {
      expect(helpText(role)).not.toContain('**overzicht');
    }
    expect(visibleTexts(helpCard({ locale: 'en', roles: ['manager'] })).join('\n')).toContain('**digest 2026-W47**');
  });

  it('tells an admin, and only an admin, how to see a signal’s audit trail', () => {
    expect(helpText('admin')).toContain('**audit HWC-7F3K**');
    for (const role of ['vt_worker', 'school_contact', 'leerplicht', 'coordinator', 'manager'] as const) {
      expect(helpText(role)).not.toContain('**audit');
    }
  });

  it('tells someone without a role, politely, to ask the functioneel beheerder', () => {
    const text = helpText();

    expect(text).toContain('functioneel beheerder');
    expect(text).not.toContain('**signaal**');
  });

  it('always mentions help, and names each role once however often it is held', () => {
    const lines = helpText('school_contact', 'school_contact').split('\n');

    expect(lines.filter((l) => l === nl.help.schoolContact)).toHaveLength(1);
    expect(lines.at(-1)).toBe('**help** — dit overzicht.');
  });

  it('speaks English for an English user', () => {
    const text = visibleTexts(helpCard({ locale: 'en', roles: ['vt_worker'] })).join('\n');

    expect(text).toContain('**signal**');
    expect(text).toContain('**help** — this overview.');
  });
});
