import { auditTrailCard } from '../../cards/audit-trail-card';
import { nl } from '../../cards/i18n/nl';
import type { AuditTrailRow, AuditTrailView } from '../../cards/view-models';
import { visibleTexts } from './card-walk';
import { structuralProblems } from './card-structure';
import { CHILD, CHILD_STRINGS, LOCALES } from './views';

const PRIMARY_ID = '00000000-0000-4000-8000-000000000002';

const aRow = (over: Partial<AuditTrailRow> = {}): AuditTrailRow => ({
  // 07:45:07 in Amsterdam (CET, UTC+1).
  at: '2026-03-10T06:45:07.000Z',
  actorId: PRIMARY_ID,
  actorName: 'Anouk de Wit',
  role: 'school_contact',
  action: 'signal.acknowledge',
  result: 'ok',
  origin: 'msteams:a:primary',
  ...over,
});

const aTrail = (over: Partial<AuditTrailView> = {}): AuditTrailView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  rows: [aRow()],
  more: 0,
  ...over,
});

const textOf = (view: AuditTrailView) => visibleTexts(auditTrailCard(view)).join('\n');

describe('the audit trail card', () => {
  it('shows each entry: when in Dutch time to the second, what in words, who in which role, the result and where from', () => {
    const text = textOf(aTrail());

    expect(text).toContain('Auditspoor HWC-7F3K');
    expect(text).toContain('10-03-2026 07:45:07 — gezien — opgepakt');
    expect(text).toContain('Anouk de Wit (contactpersoon school)');
    expect(text).toContain('gelukt');
    expect(text).toContain('msteams:a:primary');
  });

  it('keeps the order it is given, newest first', () => {
    const texts = visibleTexts(
      auditTrailCard(
        aTrail({
          rows: [
            aRow({ at: '2026-03-10T07:00:00.000Z', action: 'signal.support' }),
            aRow({ at: '2026-03-10T06:45:07.000Z', action: 'card.shown' }),
          ],
        }),
      ),
    );

    const supported = texts.findIndex((t) => t.endsWith('steun vastgelegd'));
    const shown = texts.findIndex((t) => t.endsWith('kaart met naam en geboortedatum getoond'));
    expect(supported).toBeGreaterThan(-1);
    expect(shown).toBeGreaterThan(supported);
  });

  it('names scheduled work as the system, someone who left the directory by id, and a missing role as unknown', () => {
    const text = textOf(
      aTrail({
        rows: [
          aRow({ actorId: 'system', role: 'system', action: 'signal.deadline:reminded,escalated' }),
          aRow({ actorId: 'gone-member', actorName: undefined, role: undefined, action: 'activity.message', result: 'refused' }),
        ],
      }),
    );

    expect(text).toContain('Handle with Care zelf (automatisch)');
    expect(text).toContain('termijn bewaakt (reminded, escalated)');
    expect(text).toContain('gone-member (rol onbekend)');
    // An action the card has no words for is shown as recorded.
    expect(text).toContain('activity.message');
    expect(text).toContain('geweigerd');
  });

  it('says how many older entries were left off, and nothing about it when none were', () => {
    expect(textOf(aTrail({ more: 3 }))).toContain('Nog 3 oudere regels, niet getoond.');
    expect(textOf(aTrail({ more: 1 }))).toContain('Nog 1 oudere regel, niet getoond.');
    expect(textOf(aTrail())).not.toContain('oudere');
  });

  it('says so when the trail has no entries', () => {
    expect(textOf(aTrail({ rows: [] }))).toContain(nl.audit.empty);
  });

  it('speaks English for an English admin', () => {
    const text = textOf(aTrail({ locale: 'en' }));

    expect(text).toContain('Audit trail HWC-7F3K');
    expect(text).toContain('seen — picked up');
    expect(text).toContain('Anouk de Wit (school contact)');
  });

  it.each(LOCALES)('is a well-formed Adaptive Card (%s)', (locale) => {
    expect(structuralProblems(auditTrailCard(aTrail({ locale, more: 2 })))).toEqual([]);
  });

  it.each(LOCALES)('shows neither name nor birth date, even when a careless caller passes the child (%s)', (locale) => {
    const withChild = <T extends object>(view: T): T => ({ ...view, child: CHILD, ...CHILD });
    const json = JSON.stringify(auditTrailCard(withChild(aTrail({ locale, rows: [withChild(aRow()), withChild(aRow({ action: 'card.shown' }))] }))));

    for (const text of CHILD_STRINGS) expect(json).not.toContain(text);
  });
});
