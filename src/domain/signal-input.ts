import type { BirthDateProblem, NameProblem } from './child';

/** The fields a worker fills in per child. */
export type SignalField = 'firstName' | 'lastName' | 'birthDate' | 'schoolId';

/**
 * What can be wrong with one field of a child on the signal form: the name and birth-date rules,
 * or a school the worker may not choose (`notAllowed`) or that nobody would receive (`noContacts`).
 */
export type SignalFieldProblem = NameProblem | BirthDateProblem | 'notAllowed' | 'noContacts';
