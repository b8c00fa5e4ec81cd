/**
 * What each card shows, as plain data. Card functions are pure: view model in, Adaptive Card
 * JSON (v1.5) out; times arrive as ISO strings and are shown in Europe/Amsterdam.
 */
import type { ChildIdentity } from '../src/domain/child';
import type { RoleName } from '../src/domain/directory';
import type { SignalState } from '../src/domain/signal';
import type { PriorConcern, SupportCategory } from '../src/domain/support';

export type Locale = 'nl' | 'en';

export interface SchoolOption {
  id: string;
  name: string;
}

export type SignalFormField = 'firstName' | 'lastName' | 'birthDate' | 'schoolId';
export type SignalFormProblem =
  | 'required'
  | 'tooLong'
  | 'characters'
  | 'invalid'
  | 'tooYoung'
  | 'tooOld'
  | 'notAllowed'
  /** The school has no contact in the directory yet: nobody would receive it. */
  | 'noContacts';

export interface SignalFormView {
  locale: Locale;
  schools: SchoolOption[];
  /** What the worker typed, kept when the form comes back with errors. */
  values: Partial<Record<SignalFormField, string>>;
  errors: Partial<Record<SignalFormField, SignalFormProblem>>;
}

export interface IssueConfirmationView {
  locale: Locale;
  reference: string;
  schoolName: string;
  issuedAt: string;
  /** How many school contacts it goes to. */
  contactCount: number;
}

export interface ContactSignalView {
  locale: Locale;
  signalId: string;
  reference: string;
  child: ChildIdentity;
  schoolName: string;
  issuedAt: string;
}

/** Shown to the other contacts once one of them picked the signal up: no child data. */
export interface TakenView {
  locale: Locale;
  reference: string;
  schoolName: string;
  issuedAt: string;
  byName: string;
  at: string;
}

export type SupportFormField = 'categories' | 'priorConcern';

export interface SupportFormView {
  locale: Locale;
  signalId: string;
  reference: string;
  schoolName: string;
  /** Shown so the contact knows which child; absent once redacted. */
  child?: ChildIdentity;
  values: { categories: SupportCategory[]; priorConcern?: PriorConcern };
  errors: Partial<Record<SupportFormField, 'required'>>;
}

export interface SupportRecordedView {
  locale: Locale;
  signalId: string;
  reference: string;
  schoolName: string;
  categories: SupportCategory[];
  priorConcern: PriorConcern;
  recordedAt: string;
  /** True on the school day of the first recording: the card offers a change button. */
  canChange: boolean;
}

export interface StatusRow {
  reference: string;
  schoolName: string;
  state: SignalState;
  at: string;
}

export interface StatusView {
  locale: Locale;
  days: number;
  rows: StatusRow[];
}

/** A short message card: a refusal, a kind answer, an error. */
export interface NoticeView {
  locale: Locale;
  title: string;
  text: string;
}

export interface HelpView {
  locale: Locale;
  roles: RoleName[];
}
