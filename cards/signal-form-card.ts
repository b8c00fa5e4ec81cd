/**
 * The form a Veilig Thuis worker fills in: per child of the household its name, birth date and
 * school (or leerplicht where the school is unknown), nothing more. It comes back with the typed
 * values and a message under each wrong field, and with one block more after "Nog een kind".
 */
import { NAME_MAX_LENGTH } from '../src/domain/child';
import { LEERPLICHT_DESTINATION_PREFIX } from '../src/domain/routing';
import { adaptiveCard, executeAction, fieldError, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { stringsFor, type Strings } from './i18n/strings';
import { schoolPickerChoices } from './school-picker';
import { childInputId, SearchDatasets, Verbs } from './verbs';
import type { ChildFormEntry, DestinationOption, SignalFormField, SignalFormProblem, SignalFormView } from './view-models';

/** The field's own wording where there is one ("Vul een voornaam in."), a general one otherwise. */
export function signalFormProblemText(t: Strings, field: SignalFormField, problem: SignalFormProblem): string {
  const perField: Partial<Record<SignalFormProblem, string>> = t.signalFormProblems[field];
  return perField[problem] ?? t.signalFormProblems.any[problem];
}

const isLeerplicht = (d: DestinationOption): boolean => d.value.startsWith(LEERPLICHT_DESTINATION_PREFIX);

/** One child's inputs, ids suffixed with its index; each followed by its problem, if any. */
function childFields(t: Strings, entry: ChildFormEntry, index: number, destinations: DestinationOption[]): CardElement[] {
  const field = (name: SignalFormField, input: CardElement): CardElement[] => {
    const value = entry.values[name];
    const problem = entry.errors[name];
    return [
      {
        ...input,
        id: childInputId(name, index),
        // Only the first child is required in Teams itself: an extra block added by mistake may
        // stay empty (the bot ignores it) instead of blocking the send. The bot checks every field.
        ...(index === 0 ? { isRequired: true, errorMessage: signalFormProblemText(t, name, 'required') } : {}),
        ...(value !== undefined && value !== '' ? { value } : {}),
      },
      ...(problem ? [fieldError(signalFormProblemText(t, name, problem))] : []),
    ];
  };
  return [
    ...field('firstName', { type: 'Input.Text', label: t.signalForm.firstName, maxLength: NAME_MAX_LENGTH }),
    ...field('lastName', { type: 'Input.Text', label: t.signalForm.lastName, maxLength: NAME_MAX_LENGTH }),
    ...field('birthDate', { type: 'Input.Date', label: t.signalForm.birthDate }),
    ...field('schoolId', {
      type: 'Input.ChoiceSet',
      label: t.signalForm.school,
      // "filtered" lets the worker type to search; a long list is searched through the bot, with
      // leerplicht always offered.
      style: 'filtered',
      placeholder: t.signalForm.schoolPlaceholder,
      ...schoolPickerChoices(
        destinations.filter((d) => !isLeerplicht(d)),
        SearchDatasets.signalDestinations,
        { fixed: destinations.filter(isLeerplicht), chosen: entry.values.schoolId },
      ),
    }),
  ];
}

export function signalFormCard(view: SignalFormView): AdaptiveCard {
  const t = stringsFor(view.locale);
  // A form always has at least one child block, whatever the caller passed.
  const children: ChildFormEntry[] = view.children.length > 0 ? view.children : [{ values: {}, errors: {} }];
  const count = children.length;
  const canAddChild = count < view.maxChildren;
  const viaLeerplicht = view.destinations.some(isLeerplicht);

  const blocks = children.flatMap((entry, index) => [
    // The heading only helps when there is more than one child to tell apart.
    ...(count > 1
      ? [textBlock(t.signalForm.child(index + 1), { size: 'medium', weight: 'bolder', separator: true, spacing: 'large' })]
      : []),
    ...childFields(t, entry, index, view.destinations),
  ]);

  // Both buttons send every block's inputs: "Nog een kind" returns the form with the values kept.
  const data = { children: count };
  return adaptiveCard(
    [
      heading(t.signalForm.title),
      textBlock(t.signalForm.intro, { isSubtle: true }),
      ...(viaLeerplicht ? [textBlock(t.signalForm.leerplichtHint, { isSubtle: true, spacing: 'small' })] : []),
      ...blocks,
      ...(canAddChild ? [textBlock(t.signalForm.householdHint, { isSubtle: true, spacing: 'medium' })] : []),
    ],
    [
      ...(canAddChild ? [executeAction(Verbs.signalAddChild, t.signalForm.addChild, { data, associatedInputs: 'auto' })] : []),
      executeAction(Verbs.signalSubmit, t.signalForm.submit, { data, associatedInputs: 'auto', style: 'positive' }),
    ],
  );
}
