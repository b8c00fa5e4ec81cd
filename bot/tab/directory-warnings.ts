import { NL_SCHOOL_CALENDAR, calendarHorizon, localDay, type CalendarData } from '../../src/domain/calendar';
import { isLinked, rolesOf, type Directory } from '../../src/domain/directory';

/**
 * What will go wrong with the directory as it stands, shown at the top of the admin's page:
 * a signal for a school nobody can be reached at lands with nobody; an escalation or a signal
 * "school onbekend" needs a coordinator and a leerplicht officer; a calendar that runs out plans
 * every holiday as a school day.
 */
export type DirectoryWarning =
  | { kind: 'school_unreachable'; id: string; name: string }
  | { kind: 'no_coordinator'; id: string; name: string }
  | { kind: 'no_leerplicht'; id: string; name: string }
  | { kind: 'calendar_ends'; endsOn: string; daysLeft: number };

export function directoryWarnings(d: Directory, reachable: ReadonlySet<string>, now: Date, calendar: CalendarData = NL_SCHOOL_CALENDAR): DirectoryWarning[] {
  const warnings: DirectoryWarning[] = [];
  const horizon = calendarHorizon(calendar, localDay(now));
  if (horizon.endingSoon) warnings.push({ kind: 'calendar_ends', endsOn: horizon.endsOn, daysLeft: horizon.daysLeft });
  // One pass over the members (a region has tens of thousands): who covers which place.
  const coordinated = new Set<string>();
  const withOfficer = new Set<string>();
  const reachableAt = new Set<string>();
  for (const m of d.members) {
    for (const r of rolesOf(m, 'coordinator')) r.municipalityIds.forEach((id) => coordinated.add(id));
    for (const r of rolesOf(m, 'leerplicht')) r.municipalityIds.forEach((id) => withOfficer.add(id));
    // A member known by address alone is nobody to write to, whatever else is stored.
    if (isLinked(m) && reachable.has(m.aadObjectId)) for (const r of rolesOf(m, 'school_contact')) reachableAt.add(r.schoolId);
  }
  for (const m of d.municipalities) {
    if (!coordinated.has(m.id)) warnings.push({ kind: 'no_coordinator', id: m.id, name: m.name });
    if (!withOfficer.has(m.id)) warnings.push({ kind: 'no_leerplicht', id: m.id, name: m.name });
  }
  for (const s of d.schools) if (!reachableAt.has(s.id)) warnings.push({ kind: 'school_unreachable', id: s.id, name: s.name });
  return warnings;
}
