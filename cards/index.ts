/** The cards' public surface: view models in, Adaptive Card JSON out; verbs, commands and texts. */
export { type AdaptiveCard, type CardElement, type ExecuteAction, CARD_SCHEMA, CARD_VERSION } from './adaptive-card';
export { auditTrailCard } from './audit-trail-card';
export { bouncedNoticeCard } from './bounced-notice-card';
export { Commands, KNOWN_COMMANDS, commandArgument, parseCommand, type CommandName } from './commands';
export { contactSignalCard } from './contact-signal-card';
export { digestCard } from './digest-card';
export { escalationCard } from './escalation-card';
export { escalationTakenCard } from './escalation-taken-card';
export { deliveryAlertCard } from './delivery-alert-card';
export { forgottenSignalCard } from './forgotten-signal-card';
export { formatDate, formatDateTime, formatShortDateTime, formatTime, isSameSchoolTimeDay } from './format';
export { helpCard } from './help-card';
export { localeFrom, stringsFor, type Strings } from './i18n/strings';
export { issueConfirmationCard } from './issue-confirmation-card';
export { leerplichtStatusCard } from './leerplicht-status-card';
export { noticeCard } from './notice-card';
export { reminderCard } from './reminder-card';
export { routeCard } from './route-card';
export { routeClosedCard } from './route-closed-card';
export { routedCard } from './routed-card';
export { signalFormCard, signalFormProblemText } from './signal-form-card';
export { statusCard } from './status-card';
export { supportFormCard } from './support-form-card';
export { supportRecordedCard } from './support-recorded-card';
export { supportReminderCard } from './support-reminder-card';
export { takenCard } from './taken-card';
export { unroutableNoticeCard } from './unroutable-notice-card';
export {
  CHILD_FIELDS,
  childInputId,
  isVerb,
  parseCardAction,
  parseSearchQuery,
  routeSchoolsDataset,
  SearchDatasets,
  SEARCH_MAX_RESULTS,
  STATIC_SCHOOL_CHOICES_MAX,
  Verbs,
  type CardAction,
  type SearchDataset,
  type SearchQuery,
  type ChildField,
  type ChildInput,
  type ParsedCardAction,
  type Verb,
  type VerbData,
} from './verbs';
export { withdrawnCard } from './withdrawn-card';
export { accessEndedCard } from './access-ended-card';
export type {
  AccessEndedView,
  AuditTrailRole,
  AuditTrailRow,
  AuditTrailView,
  BouncedNoticeView,
  ChildFormEntry,
  ContactSignalView,
  DestinationOption,
  DigestView,
  EscalationTakenView,
  EscalationView,
  ForgottenSignalView,
  HelpView,
  IssueConfirmationView,
  IssuedDestination,
  IssuedSignal,
  LeerplichtStatusRow,
  LeerplichtStatusView,
  Locale,
  NoticeView,
  ReminderView,
  RouteClosedView,
  RoutedView,
  RouteSchoolProblem,
  RouteView,
  SchoolOption,
  SignalFormField,
  SignalFormProblem,
  SignalFormView,
  StatusRow,
  StatusStepEntry,
  StatusView,
  SupportFormField,
  SupportFormView,
  SupportRecordedView,
  SupportReminderView,
  TakenView,
  UnroutableNoticeView,
  WithdrawnView,
} from './view-models';
