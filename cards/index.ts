/** The cards' public surface: view models in, Adaptive Card JSON out; verbs, commands and texts. */
export { type AdaptiveCard, type CardElement, type ExecuteAction, CARD_SCHEMA, CARD_VERSION } from './adaptive-card';
export { Commands, KNOWN_COMMANDS, parseCommand, type CommandName } from './commands';
export { contactSignalCard } from './contact-signal-card';
export { formatDate, formatDateTime, formatShortDateTime, formatTime, isSameSchoolTimeDay } from './format';
export { helpCard } from './help-card';
export { localeFrom, stringsFor, type Strings } from './i18n/strings';
export { issueConfirmationCard } from './issue-confirmation-card';
export { noticeCard } from './notice-card';
export { signalFormCard, signalFormProblemText } from './signal-form-card';
export { statusCard } from './status-card';
export { supportFormCard } from './support-form-card';
export { supportRecordedCard } from './support-recorded-card';
export { takenCard } from './taken-card';
export { isVerb, parseCardAction, Verbs, type CardAction, type ParsedCardAction, type Verb, type VerbData } from './verbs';
export type {
  ContactSignalView,
  HelpView,
  IssueConfirmationView,
  Locale,
  NoticeView,
  SchoolOption,
  SignalFormField,
  SignalFormProblem,
  SignalFormView,
  StatusRow,
  StatusView,
  SupportFormField,
  SupportFormView,
  SupportRecordedView,
  TakenView,
} from './view-models';
