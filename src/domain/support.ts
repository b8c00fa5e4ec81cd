/** What a school does for the child, as categories only: never a narrative about the child. */
export const SUPPORT_CATEGORIES = [
  'no_penalty',
  'quiet_place',
  'listening_ear',
  'teacher_informed',
  'test_postponed',
  'other',
] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** "Was er op school al zorg over dit kind?" */
export const PRIOR_CONCERN_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type PriorConcern = (typeof PRIOR_CONCERN_ANSWERS)[number];

export interface SupportRecord {
  categories: SupportCategory[];
  priorConcern: PriorConcern;
  by: string;
  byName: string;
  /** ISO instant of the first recording; the record may change on that school day only. */
  firstRecordedAt: string;
  recordedAt: string;
}

export type SupportProblem = { field: 'categories'; problem: 'required' } | { field: 'priorConcern'; problem: 'required' };

/** Reads the card's comma-separated multi-select and the concern choice; unknown values are dropped. */
export function parseSupportInput(
  categoriesText: string | undefined,
  priorConcernText: string | undefined,
): { value: { categories: SupportCategory[]; priorConcern: PriorConcern } } | { problems: SupportProblem[] } {
  const picked = (categoriesText ?? '').split(',').map((c) => c.trim());
  const categories = SUPPORT_CATEGORIES.filter((c) => picked.includes(c));
  const priorConcern = PRIOR_CONCERN_ANSWERS.find((a) => a === (priorConcernText ?? '').trim());
  const problems: SupportProblem[] = [];
  if (categories.length === 0) problems.push({ field: 'categories', problem: 'required' });
  if (!priorConcern) problems.push({ field: 'priorConcern', problem: 'required' });
  if (problems.length > 0 || !priorConcern) return { problems };
  return { value: { categories, priorConcern } };
}
