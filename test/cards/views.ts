/** The sample view models (cards/sample-views.ts), and the child's strings a test searches cards for. */
import { CHILD } from '../../cards/sample-views';

export * from '../../cards/sample-views';

/** The sample child as a card may show it: names, the ISO birth date and the Dutch date. */
export const CHILD_STRINGS = [CHILD.firstName, CHILD.lastName, CHILD.birthDate, '09-03-2015'];
