/** What this user can do, by the roles they hold; someone without a role learns whom to ask. */
import type { RoleName } from '../src/domain/directory';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { stringsFor, type Strings } from './i18n/strings';
import type { HelpView } from './view-models';

/** The lines for one role, in the order the roles are listed below. */
function linesFor(role: RoleName, t: Strings): string[] {
  switch (role) {
    case 'vt_worker':
      return t.help.vtWorker;
    case 'school_contact':
      return [t.help.schoolContact];
    case 'leerplicht':
      return [t.help.leerplicht];
    case 'coordinator':
      return [t.help.coordinator, t.digest.help];
    case 'manager':
      return [t.help.manager, t.digest.help];
    case 'admin':
      return [t.help.admin, t.audit.help];
  }
}

const ROLE_ORDER: readonly RoleName[] = ['vt_worker', 'school_contact', 'leerplicht', 'coordinator', 'manager', 'admin'];

export function helpCard(view: HelpView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const roles = ROLE_ORDER.filter((r) => view.roles.includes(r));
  // A line two roles share (the digest command, for coordinators and managers) is shown once.
  const lines = roles.length === 0 ? [t.help.noRoles] : [...new Set(roles.flatMap((r) => linesFor(r, t)))];
  return adaptiveCard([
    heading(t.help.title),
    ...lines.map((line) => textBlock(line)),
    textBlock(t.help.helpCommand, { isSubtle: true }),
  ]);
}
