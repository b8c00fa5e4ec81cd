/**
 * A structural check of Adaptive Card 1.5 JSON, strict about what these cards use: the
 * envelope, known element and action types, unique input ids, and every Action.Execute
 * carrying a verb and data that parseCardAction accepts (what Teams would send back).
 * Not the full schema: enough to catch a typo'd type, a duplicate id or a dead button.
 */
import type { AdaptiveCard } from '../../cards/adaptive-card';
import { parseCardAction } from '../../cards/verbs';
import { actionsOf, elementsOf, inputsOf } from './card-walk';

const ELEMENT_TYPES = new Set([
  'TextBlock',
  'RichTextBlock',
  'Image',
  'ImageSet',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ActionSet',
  'Table',
  'TableRow',
  'TableCell',
  'Input.Text',
  'Input.Date',
  'Input.Time',
  'Input.Number',
  'Input.Toggle',
  'Input.ChoiceSet',
  // Teams' chart elements (outside the 1.5 schema; Teams draws them, other hosts use `fallback`).
  'Chart.VerticalBar',
]);

const ACTION_TYPES = new Set(['Action.Execute', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);

export function structuralProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}`);
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('wrong $schema');
  if (!Array.isArray(card.body) || card.body.length === 0) problems.push('empty body');

  for (const element of elementsOf(card)) {
    if (!ELEMENT_TYPES.has(element.type)) problems.push(`unknown element type ${element.type}`);
    if (element.type === 'TextBlock' && (typeof element.text !== 'string' || element.text === '')) {
      problems.push('TextBlock without text');
    }
    if (element.type === 'Input.ChoiceSet') {
      const choices = Array.isArray(element.choices) ? (element.choices as Array<Record<string, unknown>>) : [];
      if (choices.some((c) => typeof c.title !== 'string' || typeof c.value !== 'string')) {
        problems.push(`ChoiceSet ${String(element.id)} has a choice without title or value`);
      }
    }
  }

  const ids = inputsOf(card).map((input) => input.id);
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') problems.push('input without id');
    else if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`duplicate input id ${id}`);
  }

  for (const action of actionsOf(card)) {
    if (typeof action.type !== 'string' || !ACTION_TYPES.has(action.type)) {
      problems.push(`unknown action type ${String(action.type)}`);
      continue;
    }
    if (typeof action.title !== 'string' || action.title === '') problems.push(`${action.type} without title`);
    if (action.type === 'Action.Execute') {
      const parsed = parseCardAction(String(action.verb), action.data ?? {});
      if (!parsed.ok) problems.push(`Action.Execute ${String(action.verb)}: ${parsed.reason}`);
    }
  }
  return problems;
}
