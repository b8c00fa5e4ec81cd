/**
 * The leerplicht officer's card: the child (name and birth date, to look the school up in the
 * pupil administration), the municipality, the reference, and a choice of every school in the
 * directory. "Doorsturen naar school" forwards; "Geen school gevonden" closes it with a reason.
 */
import { toDutchDate } from '../src/domain/calendar-date';
import { UNROUTABLE_REASONS } from '../src/domain/routing';
import { adaptiveCard, executeAction, factSet, fieldError, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatDate, formatDateTime, formatTime, isSameSchoolTimeDay } from './format';
import { stringsFor } from './i18n/strings';
import { schoolPickerChoices } from './school-picker';
import { routeSchoolsDataset, Verbs } from './verbs';
import type { RouteView } from './view-models';

export function routeCard(view: RouteView): AdaptiveCard {
  const t = stringsFor(view.locale);
  // Only these three fields are read: whatever else an object might carry never reaches Teams.
  const { firstName, lastName, birthDate } = view.child;

  const returned: CardElement[] = [];
  if (view.returnedBy) {
    const { schoolName, at } = view.returnedBy;
    // A time alone reads as "the day it was sent"; once the day has turned, say which day.
    const line = isSameSchoolTimeDay(view.issuedAt, at)
      ? t.route.returnedAt(schoolName, formatTime(at))
      : t.route.returnedOn(schoolName, formatDate(at), formatTime(at));
    returned.push(textBlock(line, { weight: 'bolder', color: 'warning' }));
  }
  if (view.triedSchoolNames.length > 0) {
    returned.push(
      textBlock(t.route.tried, { spacing: 'small' }),
      ...view.triedSchoolNames.map((name) => textBlock(`• ${name}`, { spacing: 'none' })),
    );
  }

  // Neither input is isRequired: each button needs only one of them, and a required input would
  // block the other button in the client. The bot answers a missing one with the error below it.
  const school: CardElement = {
    type: 'Input.ChoiceSet',
    id: 'schoolId',
    label: t.route.school,
    // Every school in the directory: "filtered" lets the officer type to search; a long list is
    // searched through the bot.
    style: 'filtered',
    placeholder: t.route.schoolPlaceholder,
    ...schoolPickerChoices(
      view.schools.map((s) => ({ title: s.name, value: s.id })),
      routeSchoolsDataset(view.signalId),
      { chosen: view.values.schoolId },
    ),
    ...(view.values.schoolId ? { value: view.values.schoolId } : {}),
  };
  const reason: CardElement = {
    type: 'Input.ChoiceSet',
    id: 'reason',
    label: t.route.reason,
    style: 'compact',
    placeholder: t.route.reasonPlaceholder,
    choices: UNROUTABLE_REASONS.map((r) => ({ title: t.route.reasons[r], value: r })),
    ...(view.values.reason ? { value: view.values.reason } : {}),
  };

  return adaptiveCard(
    [
      heading(t.route.title),
      textBlock(`${firstName} ${lastName}`, { size: 'extraLarge', weight: 'bolder' }),
      factSet([
        [t.common.birthDate, toDutchDate(birthDate)],
        [t.common.municipality, view.municipalityName],
        [t.common.reference, view.reference],
        [t.common.issuedAt, formatDateTime(view.issuedAt)],
      ]),
      ...returned,
      textBlock(t.route.intro),
      school,
      ...(view.errors.schoolId ? [fieldError(t.route.problems.schoolId[view.errors.schoolId])] : []),
      reason,
      ...(view.errors.reason ? [fieldError(t.route.problems.reason[view.errors.reason])] : []),
      textBlock(t.route.privacyNote, { isSubtle: true, size: 'small' }),
    ],
    [
      executeAction(Verbs.signalForward, t.route.forward, {
        data: { signalId: view.signalId },
        associatedInputs: 'auto',
        style: 'positive',
      }),
      executeAction(Verbs.signalNoSchool, t.route.noSchool, { data: { signalId: view.signalId }, associatedInputs: 'auto' }),
    ],
  );
}
