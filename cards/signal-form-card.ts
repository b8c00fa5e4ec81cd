/**
 * The form a Veilig Thuis worker fills in: the child's name, birth date and school, nothing
 * more. It comes back with the typed values and a message under each wrong field.
 */
import { NAME_MAX_LENGTH } from '../src/domain/child';
import { adaptiveCard, executeAction, fieldError, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { stringsFor, type Strings } from './i18n/strings';
import { Verbs } from './verbs';
import type { SignalFormField, SignalFormProblem, SignalFormView } from './view-models';

/** The field's own wording where there is one ("Vul een voornaam in."), a general one otherwise. */
export function signalFormProblemText(t: Strings, field: SignalFormField, problem: SignalFormProblem): string {
  const perField: Partial<Record<SignalFormProblem, string>> = t.signalFormProblems[field];
  return perField[problem] ?? t.signalFormProblems.any[problem];
}

export function signalFormCard(view: SignalFormView): AdaptiveCard {
  const t = stringsFor(view.locale);

  /** The input, then its problem (if any) right under it. */
  const field = (id: SignalFormField, input: CardElement): CardElement[] => {
    const value = view.values[id];
    const problem = view.errors[id];
    return [
      {
        ...input,
        id,
        isRequired: true,
        errorMessage: signalFormProblemText(t, id, 'required'),
        ...(value !== undefined && value !== '' ? { value } : {}),
      },
      ...(problem ? [fieldError(signalFormProblemText(t, id, problem))] : []),
    ];
  };

  return adaptiveCard(
    [
      heading(t.signalForm.title),
      textBlock(t.signalForm.intro, { isSubtle: true }),
      ...field('firstName', { type: 'Input.Text', label: t.signalForm.firstName, maxLength: NAME_MAX_LENGTH }),
      ...field('lastName', { type: 'Input.Text', label: t.signalForm.lastName, maxLength: NAME_MAX_LENGTH }),
      ...field('birthDate', { type: 'Input.Date', label: t.signalForm.birthDate }),
      ...field('schoolId', {
        type: 'Input.ChoiceSet',
        label: t.signalForm.school,
        // "filtered" lets the worker type to search a long list of schools.
        style: 'filtered',
        placeholder: t.signalForm.schoolPlaceholder,
        choices: view.schools.map((s) => ({ title: s.name, value: s.id })),
      }),
    ],
    [executeAction(Verbs.signalSubmit, t.signalForm.submit, { associatedInputs: 'auto', style: 'positive' })],
  );
}
