/**
 * View models for card tests, with a child who has a distinctive name and birth date so a
 * test can search a card's JSON for them.
 */
import type {
  ContactSignalView,
  IssueConfirmationView,
  Locale,
  SignalFormView,
  StatusView,
  SupportFormView,
  SupportRecordedView,
  TakenView,
} from '../../cards/view-models';
import type { ChildIdentity } from '../../src/domain/child';

export const CHILD: ChildIdentity = { firstName: 'Zoë', lastName: "van 't Hoff-Achterberg", birthDate: '2015-03-09' };
export const CHILD_STRINGS = [CHILD.firstName, CHILD.lastName, CHILD.birthDate, '09-03-2015'];

export const SCHOOLS = [
  { id: '12AB00', name: 'Basisschool De Regenboog' },
  { id: '34CD01', name: 'Het Kompas' },
];

/** 07:45 in Amsterdam (CET, UTC+1). */
export const ISSUED_AT = '2026-03-10T06:45:00.000Z';

export const aSignalForm = (over: Partial<SignalFormView> = {}): SignalFormView => ({
  locale: 'nl',
  schools: SCHOOLS,
  values: {},
  errors: {},
  ...over,
});

export const anIssueConfirmation = (over: Partial<IssueConfirmationView> = {}): IssueConfirmationView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  issuedAt: ISSUED_AT,
  contactCount: 2,
  ...over,
});

export const aContactSignal = (over: Partial<ContactSignalView> = {}): ContactSignalView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  child: CHILD,
  schoolName: 'Basisschool De Regenboog',
  issuedAt: ISSUED_AT,
  ...over,
});

export const aTaken = (over: Partial<TakenView> = {}): TakenView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  issuedAt: ISSUED_AT,
  byName: 'Anouk Jansen',
  at: '2026-03-10T07:12:00.000Z',
  ...over,
});

export const aSupportForm = (over: Partial<SupportFormView> = {}): SupportFormView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  child: CHILD,
  values: { categories: [] },
  errors: {},
  ...over,
});

export const aSupportRecorded = (over: Partial<SupportRecordedView> = {}): SupportRecordedView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  categories: ['quiet_place', 'listening_ear'],
  priorConcern: 'no',
  recordedAt: '2026-03-10T09:30:00.000Z',
  canChange: true,
  ...over,
});

export const aStatus = (over: Partial<StatusView> = {}): StatusView => ({
  locale: 'nl',
  days: 14,
  rows: [
    { reference: 'HWC-7F3K', schoolName: 'Basisschool De Regenboog', state: 'delivered', at: ISSUED_AT },
    { reference: 'HWC-9QXZ', schoolName: 'Het Kompas', state: 'acknowledged', at: '2026-03-09T18:05:00.000Z' },
    { reference: 'HWC-MMT4', schoolName: 'Het Kompas', state: 'supported', at: '2026-03-02T10:00:00.000Z' },
  ],
  ...over,
});

export const LOCALES: Locale[] = ['nl', 'en'];
