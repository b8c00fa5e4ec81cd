/**
 * What the contact who picked the signal up fills in: the support given, as categories only,
 * and whether the school already had concerns. No free text, so nothing about the child's
 * story can be stored.
 */
import { PRIOR_CONCERN_ANSWERS, SUPPORT_CATEGORIES } from '../src/domain/support';
import { adaptiveCard, executeAction, factSet, fieldError, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import { Verbs } from './verbs';
import type { SupportFormView } from './view-models';

export function supportFormCard(view: SupportFormView): AdaptiveCard {
  const t = stringsFor(view.locale);
  const facts: Array<[string, string]> = [];
  if (view.child) facts.push([t.common.child, `${view.child.firstName} ${view.child.lastName}`]);
  facts.push([t.common.school, view.schoolName], [t.common.reference, view.reference]);

  const categories: CardElement = {
    type: 'Input.ChoiceSet',
    id: 'categories',
    label: t.supportForm.categoriesLabel,
    isMultiSelect: true,
    style: 'expanded',
    isRequired: true,
    errorMessage: t.supportForm.problems.categories,
    choices: SUPPORT_CATEGORIES.map((c) => ({ title: t.supportForm.categories[c], value: c })),
    // A multi-select ChoiceSet holds its value as comma-separated choice values.
    ...(view.values.categories.length > 0 ? { value: view.values.categories.join(',') } : {}),
  };
  const priorConcern: CardElement = {
    type: 'Input.ChoiceSet',
    id: 'priorConcern',
    label: t.supportForm.priorConcernLabel,
    style: 'expanded',
    isRequired: true,
    errorMessage: t.supportForm.problems.priorConcern,
    choices: PRIOR_CONCERN_ANSWERS.map((a) => ({ title: t.supportForm.priorConcern[a], value: a })),
    ...(view.values.priorConcern ? { value: view.values.priorConcern } : {}),
  };

  return adaptiveCard(
    [
      heading(t.supportForm.title),
      factSet(facts),
      ...(view.supportClosesAt ? [textBlock(t.supportForm.forgottenNote(formatDateTime(view.supportClosesAt)), { isSubtle: true })] : []),
      textBlock(t.supportForm.intro),
      categories,
      ...(view.errors.categories ? [fieldError(t.supportForm.problems.categories)] : []),
      priorConcern,
      ...(view.errors.priorConcern ? [fieldError(t.supportForm.problems.priorConcern)] : []),
      textBlock(t.supportForm.privacyNote, { isSubtle: true, size: 'small' }),
    ],
    [
      executeAction(Verbs.supportSave, t.supportForm.save, {
        data: { signalId: view.signalId },
        associatedInputs: 'auto',
        style: 'positive',
      }),
    ],
  );
}
