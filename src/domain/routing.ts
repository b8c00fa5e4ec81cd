/** Why leerplicht could not find a school for a child ("Geen school gevonden"). */
export const UNROUTABLE_REASONS = ['not_compulsory', 'moved', 'outside_region', 'other'] as const;
export type UnroutableReason = (typeof UNROUTABLE_REASONS)[number];

/**
 * Why a signal ended without a school: leerplicht's reason, or `expired` when the child was
 * forgotten while it still waited for leerplicht.
 */
export const CLOSING_REASONS = [...UNROUTABLE_REASONS, 'expired'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

/** How a signal reaches a school: straight from Veilig Thuis, or through the municipality's leerplicht. */
export type Route = 'direct' | 'leerplicht';

/** The steps a Veilig Thuis worker sees in `status`, from the signal's timeline. */
export type StatusStep = 'issued' | 'to_leerplicht' | 'forwarded' | 'acknowledged' | 'supported' | 'bounced' | 'unroutable';

/** The most children one form may carry: one household. */
export const MAX_CHILDREN_PER_FORM = 8;

/** The School choice's value for "School onbekend — via leerplicht <gemeente>". */
export const LEERPLICHT_DESTINATION_PREFIX = 'leerplicht:';

/**
 * The schools leerplicht may forward a signal to: every school in the directory (children often go
 * to school in a neighbouring municipality) but those that already said "niet onze leerling",
 * by name. The route card's list and its typeahead search both come from here.
 */
export function forwardableSchools<S extends { id: string; name: string }>(schools: readonly S[], triedSchoolIds: readonly string[]): S[] {
  return schools.filter((s) => !triedSchoolIds.includes(s.id)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
