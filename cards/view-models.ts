/**
 * What each card shows, as plain data. Card functions are pure: view model in, Adaptive Card
 * JSON (v1.5) out; times arrive as ISO strings and are shown in Europe/Amsterdam.
 */
import type { ChildIdentity } from '../src/domain/child';
import type { Digest } from '../src/domain/digest/figures';
import type { SignalField, SignalFieldProblem } from '../src/domain/signal-input';
import type { RoleName } from '../src/domain/directory';
import type { ClosingReason, StatusStep } from '../src/domain/routing';
import type { SignalState } from '../src/domain/signal';
import type { PriorConcern, SupportCategory } from '../src/domain/support';

export type Locale = 'nl' | 'en';

export interface SchoolOption {
  id: string;
  name: string;
}

/**
 * One entry of the signal form's School choice: a school (value = its id) or a municipality's
 * leerplicht (value = `leerplicht:GM0917`, title from `t.signalForm.viaLeerplicht`).
 */
export interface DestinationOption {
  value: string;
  title: string;
}

/** The form's fields and their problems are the domain's own (src/domain/signal-input.ts). */
export type SignalFormField = SignalField;
export type SignalFormProblem = SignalFieldProblem;

/** One child's block on the form: what the worker typed, kept when the form comes back. */
export interface ChildFormEntry {
  values: Partial<Record<SignalFormField, string>>;
  errors: Partial<Record<SignalFormField, SignalFormProblem>>;
}

export interface SignalFormView {
  locale: Locale;
  destinations: DestinationOption[];
  /** One entry per child of the household, at least one. */
  children: ChildFormEntry[];
  /** "Nog een kind" is offered while there are fewer children than this. */
  maxChildren: number;
}

/** Where one issued signal went: a school's contacts, or a municipality's leerplicht officers. */
export type IssuedDestination =
  | { kind: 'school'; schoolName: string; contactCount: number }
  | { kind: 'leerplicht'; municipalityName: string; officerCount: number };

export interface IssuedSignal {
  reference: string;
  /** 1-based position of the child on the form: how the worker knows which code is whose. */
  childNumber: number;
  destination: IssuedDestination;
}

export interface IssueConfirmationView {
  locale: Locale;
  issuedAt: string;
  /** One per child, in form order. */
  signals: IssuedSignal[];
  /** The same form was sent before: this is what went then, whatever the form says now. */
  repeated?: boolean;
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
  /** Once the child is forgotten: until when support can still be recorded. */
  supportClosesAt?: string;
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

/** What is wrong with the school a leerplicht officer chose. */
export type RouteSchoolProblem =
  | 'required'
  | 'notAllowed'
  | 'noContacts'
  /** The school already said "niet onze leerling" for this signal. */
  | 'tried';

/** The leerplicht officer's card: the child, and a choice of school to forward it to. */
export interface RouteView {
  locale: Locale;
  signalId: string;
  reference: string;
  child: ChildIdentity;
  municipalityName: string;
  issuedAt: string;
  /** Every school in the directory: children often go to school in a neighbouring municipality. */
  schools: SchoolOption[];
  /** Schools that answered "niet onze leerling", oldest first. */
  triedSchoolNames: string[];
  /** Present when the signal came back from a school. */
  returnedBy?: { schoolName: string; at: string };
  values: { schoolId?: string; reason?: string };
  errors: { schoolId?: RouteSchoolProblem; reason?: 'required' };
}

/** The leerplicht officers' cards once one of them forwarded the signal: no child data. */
export interface RoutedView {
  locale: Locale;
  reference: string;
  municipalityName: string;
  issuedAt: string;
  byName: string;
  at: string;
  schoolName: string;
}

/** The leerplicht officers' cards once one of them found no school: no child data. */
export interface RouteClosedView {
  locale: Locale;
  reference: string;
  municipalityName: string;
  byName: string;
  at: string;
  reason: ClosingReason;
}

/** A school's contact cards after "niet onze leerling": no child data. */
export interface WithdrawnView {
  locale: Locale;
  reference: string;
  schoolName: string;
  byName: string;
  at: string;
}

/** Tells the issuing worker a school sent a direct signal back: no child data. */
export interface BouncedNoticeView {
  locale: Locale;
  signalId: string;
  reference: string;
  schoolName: string;
  at: string;
  /** The municipality whose leerplicht can look the school up. */
  municipalityName: string;
  /** Present once the worker handed the signal to leerplicht: the button is gone. */
  rerouted?: { at: string };
  /** The child was forgotten before the worker handed it on: the button is gone. */
  forgotten?: boolean;
}

/** Tells the issuing worker leerplicht found no school: no child data. */
export interface UnroutableNoticeView {
  locale: Locale;
  reference: string;
  municipalityName: string;
  reason: ClosingReason;
  byName: string;
  at: string;
}

/**
 * A new message to every contact of a school whose signal is not picked up 30 minutes before
 * it is due: it points to the signal's card by reference code, and holds no child data.
 */
export interface ReminderView {
  locale: Locale;
  reference: string;
  schoolName: string;
  /** When the signal should be picked up (acknowledged). */
  dueAt: string;
}

/**
 * A municipal coordinator's card for a signal nobody at the school picked up in time: the
 * reference, the school, the times and the school's contacts — never the child.
 */
export interface EscalationView {
  locale: Locale;
  signalId: string;
  reference: string;
  schoolName: string;
  issuedAt: string;
  dueAt: string;
  /** The school's contact persons, by display name, in the order to show them. */
  contactNames: string[];
  /** For the admins, when the municipality has no coordinator: no button, and what to do. */
  noCoordinator?: boolean;
}

/** Every coordinator's escalation card once one of them took it on: no child data, no buttons. */
export interface EscalationTakenView {
  locale: Locale;
  reference: string;
  schoolName: string;
  byName: string;
  at: string;
}

/** To the contact who picked a signal up 48 hours ago and has not recorded support: no child data. */
export interface SupportReminderView {
  locale: Locale;
  signalId: string;
  reference: string;
  schoolName: string;
  issuedAt: string;
}

/** One step of a signal's timeline as the worker's `status` shows it. */
export interface StatusStepEntry {
  step: StatusStep;
  at: string;
  /** For `issued` straight to a school, `forwarded` (to which school) and `bounced` (by which school). */
  schoolName?: string;
}

export interface StatusRow {
  reference: string;
  state: SignalState;
  /** When the signal reached its current state. */
  at: string;
  /** Oldest first. */
  steps: StatusStepEntry[];
}

export interface StatusView {
  locale: Locale;
  days: number;
  rows: StatusRow[];
}

/** A signal waiting for a leerplicht officer: by reference only, never by child. */
export interface LeerplichtStatusRow {
  reference: string;
  municipalityName: string;
  issuedAt: string;
  /** The school that sent it back, when it did. */
  returnedBy?: string;
}

export interface LeerplichtStatusView {
  locale: Locale;
  rows: LeerplichtStatusRow[];
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

/** To an admin: a card could not be delivered. Who and why, by reference; never the child. */
export interface DeliveryAlertView {
  locale: Locale;
  reference: string;
  recipientName: string;
  role: 'school_contact' | 'leerplicht' | 'vt_worker' | 'coordinator' | 'admin';
  reason: string;
  at: string;
  /**
   * True when the card that failed was one that showed the child and had to be drawn again
   * without it: the name may still be in that person's chat.
   */
  nameNotRemoved?: boolean;
}

/** The role an audit entry names: a directory role, or `system` for scheduled work. */
export type AuditTrailRole = RoleName | 'system';

/** One entry of a signal's audit trail: who did what, when, from where. Never the child. */
export interface AuditTrailRow {
  at: string;
  /** A member id, or `system`. */
  actorId: string;
  /** The actor's name in the directory; absent for someone no longer in it. */
  actorName?: string;
  /** Absent where nobody was known. */
  role?: AuditTrailRole;
  /** As recorded, e.g. `signal.acknowledge`; the card puts it in words. */
  action: string;
  result: 'ok' | 'refused' | 'failed';
  origin?: string;
}

/** An admin's `audit HWC-7F3K`: the newest entries first; `more` older ones were left off. */
export interface AuditTrailView {
  locale: Locale;
  reference: string;
  rows: AuditTrailRow[];
  more: number;
}

/** A card meant for a role its recipient no longer holds: no child data. */
export interface AccessEndedView {
  locale: Locale;
  reference: string;
  placeLabel: 'school' | 'municipality';
  placeName: string;
}

/**
 * A card that named the child (a contact's signal card, leerplicht's route card) once the child
 * is forgotten: the reference code, where it was, the times and who picked it up — never the child.
 */
export interface ForgottenSignalView {
  locale: Locale;
  reference: string;
  /** The school, or for leerplicht's card the municipality. */
  placeLabel: 'school' | 'municipality';
  placeName: string;
  issuedAt: string;
  redactedAt: string;
  takenBy?: { byName: string; at: string };
}

/**
 * A manager's or coordinator's weekly digest for their scope: counts only, never a child. The
 * figures are the domain's (src/domain/digest/figures.ts); the card only puts them in words.
 */
export interface DigestView {
  locale: Locale;
  /** Whose figures: a municipality ("Heerlen"), several ("Heerlen, Kerkrade") or a school's name. */
  scopeName: string;
  digest: Digest;
  /** Names for the per-school table, by school id; an id without a name is shown as the id. */
  schoolNames: Record<string, string>;
  /** Per-school counts from 1 up to this − 1 are shown as "<threshold". */
  smallCountThreshold: number;
  /**
   * A school's own digest (no per-school table to protect it): every count and share on the card
   * follows the small-count rule too, so a school with one signal a week cannot be read child by child.
   */
  smallCountsInFigures?: boolean;
  /** When the card was made, ISO; shown in the footer. */
  generatedAt: string;
}
