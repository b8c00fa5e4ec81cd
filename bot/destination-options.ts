import { stringsFor, type DestinationOption, type Locale } from '../cards';
import type { Destinations } from '../src/app/issue-signal';
import { LEERPLICHT_DESTINATION_PREFIX } from '../src/domain/routing';

/** The School choice of the signal form: the worker's schools, then leerplicht per municipality. */
export function destinationOptions(destinations: Destinations, locale: Locale): DestinationOption[] {
  const t = stringsFor(locale);
  return [
    ...destinations.schools.map((s) => ({ value: s.id, title: s.name })),
    ...destinations.leerplicht.map((m) => ({ value: `${LEERPLICHT_DESTINATION_PREFIX}${m.id}`, title: t.signalForm.viaLeerplicht(m.name) })),
  ];
}
