import { STATIC_SCHOOL_CHOICES_MAX } from './verbs';

export interface Choice {
  title: string;
  value: string;
}

/**
 * The choices of a school picker. Up to STATIC_SCHOOL_CHOICES_MAX schools travel in the card;
 * above that the card carries only `fixed` (always offered, e.g. leerplicht) and the chosen school
 * (so Teams shows its name when the card comes back), and Teams asks the bot for the rest as the
 * user types (`dataset`). The bot checks a submitted school either way.
 */
export function schoolPickerChoices(
  schools: readonly Choice[],
  dataset: string,
  options: { fixed?: readonly Choice[]; chosen?: string | undefined } = {},
): { choices: Choice[]; 'choices.data'?: { type: 'Data.Query'; dataset: string } } {
  const fixed = (options.fixed ?? []).map(({ title, value }) => ({ title, value }));
  if (schools.length <= STATIC_SCHOOL_CHOICES_MAX) return { choices: [...schools.map(({ title, value }) => ({ title, value })), ...fixed] };
  const chosen = options.chosen ? schools.find((s) => s.value === options.chosen) : undefined;
  return {
    choices: [...(chosen ? [{ title: chosen.title, value: chosen.value }] : []), ...fixed],
    'choices.data': { type: 'Data.Query', dataset },
  };
}
