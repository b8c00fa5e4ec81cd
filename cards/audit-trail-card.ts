/**
 * An admin's `audit HWC-7F3K`: every entry about a signal, newest first — when, who in which role,
 * what, with what result and from where. Built from audit entries only, which never hold the child.
 */
import { adaptiveCard, container, factSet, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor, type Strings } from './i18n/strings';
import type { AuditTrailRole, AuditTrailRow, AuditTrailView } from './view-models';

const DEADLINE_PREFIX = 'signal.deadline:';

function actionText(t: Strings, action: string): string {
  if (action.startsWith(DEADLINE_PREFIX)) return t.audit.deadline(action.slice(DEADLINE_PREFIX.length).replaceAll(',', ', '));
  const known: Record<string, string> = t.audit.actions;
  return known[action] ?? action;
}

function actorText(t: Strings, row: AuditTrailRow): string {
  const roles: Record<AuditTrailRole, string> = t.audit.roles;
  const name = row.actorId === 'system' ? t.audit.system : (row.actorName ?? row.actorId);
  return `${name} (${row.role ? roles[row.role] : t.audit.unknownRole})`;
}

/**
 * To the second: entries of one request often share a minute. Amsterdam's offset is whole hours,
 * so the UTC seconds are the local ones.
 */
function timeText(at: string): string {
  return `${formatDateTime(at)}:${String(new Date(at).getUTCSeconds()).padStart(2, '0')}`;
}

function entryBlock(t: Strings, row: AuditTrailRow): CardElement {
  const facts: Array<[string, string]> = [
    [t.audit.by, actorText(t, row)],
    [t.audit.result, t.audit.results[row.result]],
  ];
  if (row.origin) facts.push([t.audit.origin, row.origin]);
  return container(
    [textBlock(`${timeText(row.at)} — ${actionText(t, row.action)}`, { weight: 'bolder' }), { ...factSet(facts), spacing: 'small' }],
    { separator: true },
  );
}

export function auditTrailCard(view: AuditTrailView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const head = [heading(t.audit.title(view.reference)), textBlock(t.audit.intro, { isSubtle: true })];
  if (view.rows.length === 0) return adaptiveCard([...head, textBlock(t.audit.empty)]);
  return adaptiveCard([
    ...head,
    ...view.rows.map((row) => entryBlock(t, row)),
    ...(view.more > 0 ? [textBlock(t.audit.more(view.more), { isSubtle: true, separator: true })] : []),
  ]);
}
