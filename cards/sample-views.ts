/**
 * Sample view models for every card: the card previews in the tab (`card-catalog.ts`) and the card
 * tests. The sample child is made up, with a distinctive name and birth date so a test can search
 * a card's JSON for them.
 */
import type {
  BouncedNoticeView,
  ContactSignalView,
  DestinationOption,
  EscalationTakenView,
  EscalationView,
  IssueConfirmationView,
  IssuedSignal,
  LeerplichtStatusView,
  Locale,
  ReminderView,
  RouteClosedView,
  RoutedView,
  RouteView,
  SignalFormView,
  StatusView,
  SupportFormView,
  SupportRecordedView,
  SupportReminderView,
  TakenView,
  UnroutableNoticeView,
  WithdrawnView,
} from './view-models';
import type { ChildIdentity } from '../src/domain/child';

export const CHILD: ChildIdentity = { firstName: 'Zoë', lastName: "van 't Hoff-Achterberg", birthDate: '2015-03-09' };

export const SCHOOLS = [
  { id: '12AB00', name: 'Basisschool De Regenboog' },
  { id: '34CD01', name: 'Het Kompas' },
];

/** 07:45 in Amsterdam (CET, UTC+1). */
export const ISSUED_AT = '2026-03-10T06:45:00.000Z';

/** The worker's schools, then leerplicht for the municipality where the school is unknown. */
export const DESTINATIONS: DestinationOption[] = [
  ...SCHOOLS.map((s) => ({ value: s.id, title: s.name })),
  { value: 'leerplicht:GM0917', title: 'School onbekend — via leerplicht Heerlen' },
];

export const aSignalForm = (over: Partial<SignalFormView> = {}): SignalFormView => ({
  locale: 'nl',
  destinations: DESTINATIONS,
  children: [{ values: {}, errors: {} }],
  maxChildren: 8,
  ...over,
});

export const SCHOOL_SIGNAL: IssuedSignal = {
  reference: 'HWC-7F3K',
  childNumber: 1,
  destination: { kind: 'school', schoolName: 'Basisschool De Regenboog', contactCount: 2 },
};

export const LEERPLICHT_SIGNAL: IssuedSignal = {
  reference: 'HWC-9QXZ',
  childNumber: 2,
  destination: { kind: 'leerplicht', municipalityName: 'Heerlen', officerCount: 3 },
};

export const anIssueConfirmation = (over: Partial<IssueConfirmationView> = {}): IssueConfirmationView => ({
  locale: 'nl',
  issuedAt: ISSUED_AT,
  signals: [SCHOOL_SIGNAL],
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
    {
      reference: 'HWC-7F3K',
      state: 'delivered',
      at: ISSUED_AT,
      steps: [{ step: 'issued', at: ISSUED_AT, schoolName: 'Basisschool De Regenboog' }],
    },
    {
      reference: 'HWC-9QXZ',
      state: 'acknowledged',
      at: '2026-03-09T18:05:00.000Z',
      steps: [
        { step: 'issued', at: '2026-03-08T20:30:00.000Z' },
        { step: 'to_leerplicht', at: '2026-03-08T20:30:00.000Z' },
        { step: 'forwarded', at: '2026-03-09T08:10:00.000Z', schoolName: 'Het Kompas' },
        { step: 'acknowledged', at: '2026-03-09T18:05:00.000Z' },
      ],
    },
    {
      reference: 'HWC-MMT4',
      state: 'supported',
      at: '2026-03-02T10:00:00.000Z',
      steps: [
        { step: 'issued', at: '2026-03-01T19:00:00.000Z' },
        { step: 'bounced', at: '2026-03-02T07:20:00.000Z', schoolName: 'Basisschool De Regenboog' },
        { step: 'to_leerplicht', at: '2026-03-02T07:40:00.000Z' },
        { step: 'forwarded', at: '2026-03-02T08:00:00.000Z', schoolName: 'Het Kompas' },
        { step: 'acknowledged', at: '2026-03-02T08:30:00.000Z' },
        { step: 'supported', at: '2026-03-02T10:00:00.000Z' },
      ],
    },
  ],
  ...over,
});

export const aLeerplichtStatus = (over: Partial<LeerplichtStatusView> = {}): LeerplichtStatusView => ({
  locale: 'nl',
  rows: [
    { reference: 'HWC-7F3K', municipalityName: 'Heerlen', issuedAt: ISSUED_AT },
    { reference: 'HWC-9QXZ', municipalityName: 'Heerlen', issuedAt: '2026-03-09T18:05:00.000Z', returnedBy: 'Het Kompas' },
  ],
  ...over,
});

export const aRoute = (over: Partial<RouteView> = {}): RouteView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  child: CHILD,
  municipalityName: 'Heerlen',
  issuedAt: ISSUED_AT,
  schools: SCHOOLS,
  triedSchoolNames: [],
  values: {},
  errors: {},
  ...over,
});

export const aRouted = (over: Partial<RoutedView> = {}): RoutedView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  municipalityName: 'Heerlen',
  issuedAt: ISSUED_AT,
  byName: 'Sanne de Vries',
  at: '2026-03-10T07:02:00.000Z',
  schoolName: 'Het Kompas',
  ...over,
});

export const aRouteClosed = (over: Partial<RouteClosedView> = {}): RouteClosedView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  municipalityName: 'Heerlen',
  byName: 'Sanne de Vries',
  at: '2026-03-10T07:02:00.000Z',
  reason: 'moved',
  ...over,
});

export const aWithdrawn = (over: Partial<WithdrawnView> = {}): WithdrawnView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  byName: 'Anouk Jansen',
  at: '2026-03-10T07:12:00.000Z',
  ...over,
});

export const aBouncedNotice = (over: Partial<BouncedNoticeView> = {}): BouncedNoticeView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  at: '2026-03-10T07:12:00.000Z',
  municipalityName: 'Heerlen',
  ...over,
});

export const anUnroutableNotice = (over: Partial<UnroutableNoticeView> = {}): UnroutableNoticeView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  municipalityName: 'Heerlen',
  reason: 'outside_region',
  byName: 'Sanne de Vries',
  at: '2026-03-10T07:02:00.000Z',
  ...over,
});

/** 08:30 in Amsterdam on the day of ISSUED_AT: the school day's start. */
export const DUE_AT = '2026-03-10T07:30:00.000Z';

export const aReminder = (over: Partial<ReminderView> = {}): ReminderView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  dueAt: DUE_AT,
  ...over,
});

export const anEscalation = (over: Partial<EscalationView> = {}): EscalationView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  issuedAt: ISSUED_AT,
  dueAt: DUE_AT,
  contactNames: ['Anouk Jansen', 'Pieter Bakker'],
  ...over,
});

export const anEscalationTaken = (over: Partial<EscalationTakenView> = {}): EscalationTakenView => ({
  locale: 'nl',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  byName: 'Sanne de Vries',
  at: '2026-03-10T08:05:00.000Z',
  ...over,
});

export const aSupportReminder = (over: Partial<SupportReminderView> = {}): SupportReminderView => ({
  locale: 'nl',
  signalId: 'sig-0001',
  reference: 'HWC-7F3K',
  schoolName: 'Basisschool De Regenboog',
  issuedAt: ISSUED_AT,
  ...over,
});

export const LOCALES: Locale[] = ['nl', 'en'];
