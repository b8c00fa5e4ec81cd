/**
 * Every card button's verb and the shape of what Teams sends back for it
 * (`value.action.data`: the button's data with the card's inputs merged in).
 * This is the edge: the payload is parsed here once, and inside the bot it is trusted.
 */
import { z } from 'zod';
import { MAX_CHILDREN_PER_FORM } from '../src/domain/routing';

export const Verbs = {
  signalSubmit: 'signal.submit',
  /** Returns the form with one more child block, the typed values kept. */
  signalAddChild: 'signal.add_child',
  signalAcknowledge: 'signal.acknowledge',
  /** A school contact: "niet onze leerling". */
  signalBounce: 'signal.bounce',
  /** A leerplicht officer forwards the signal to the chosen school. */
  signalForward: 'signal.forward',
  /** A leerplicht officer found no school ("Geen school gevonden"). */
  signalNoSchool: 'signal.no_school',
  /** The issuing worker hands a bounced signal to leerplicht. */
  signalToLeerplicht: 'signal.to_leerplicht',
  supportSave: 'support.save',
  supportEdit: 'support.edit',
  /** A municipal coordinator: "Ik neem contact op" on a signal the school did not pick up in time. */
  escalationTake: 'escalation.take',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

/** Inputs arrive as text; the bound keeps a hostile payload from costing us anything. */
const inputText = z.string().max(1000);
const signalId = z.string().min(1).max(100);

/** The fields of one child on the signal form; input ids are `<field>_<index>`. */
export const CHILD_FIELDS = ['firstName', 'lastName', 'birthDate', 'schoolId'] as const;
export type ChildField = (typeof CHILD_FIELDS)[number];

/** One child as the form sent it: raw text, validated by the use case, not here. */
export interface ChildInput {
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  schoolId?: string;
}

/** The input id of a child's field on the form: `firstName_0`, `schoolId_2`, ... */
export function childInputId(field: ChildField, index: number): string {
  return `${field}_${index}`;
}

/** How many child blocks the form had: the buttons' data carries it as a number; text is accepted too. */
const childCount = z
  .union([z.number(), z.string().regex(/^\d{1,2}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(MAX_CHILDREN_PER_FORM));

const childFieldShape: Record<string, z.ZodOptional<typeof inputText>> = Object.fromEntries(
  [
    // Unsuffixed keys: forms sent before households were possible, read as child 0.
    ...CHILD_FIELDS,
    ...Array.from({ length: MAX_CHILDREN_PER_FORM }, (_, i) => CHILD_FIELDS.map((f) => childInputId(f, i))).flat(),
  ].map((key) => [key, inputText.optional()]),
);

function childAt(fields: Record<string, string | undefined>, index: number): ChildInput {
  const child: ChildInput = {};
  for (const field of CHILD_FIELDS) {
    const value = fields[childInputId(field, index)] ?? (index === 0 ? fields[field] : undefined);
    if (value !== undefined) child[field] = value;
  }
  return child;
}

/** The signal form, as one child per block: `{ children: [{ firstName, ... }, ...] }`. */
const household = z
  .object({ children: childCount.optional(), ...childFieldShape })
  .transform(({ children, ...fields }): { children: ChildInput[] } => ({
    children: Array.from({ length: (children as number | undefined) ?? 1 }, (_, i) =>
      childAt(fields as Record<string, string | undefined>, i),
    ),
  }));

// z.object strips unknown keys: Teams adds its own (e.g. msteams) and they are not ours to read.
const schemas = {
  [Verbs.signalSubmit]: household,
  [Verbs.signalAddChild]: household,
  [Verbs.signalAcknowledge]: z.object({ signalId }),
  [Verbs.signalBounce]: z.object({ signalId }),
  [Verbs.signalForward]: z.object({ signalId, schoolId: inputText.optional() }),
  [Verbs.signalNoSchool]: z.object({ signalId, reason: inputText.optional() }),
  [Verbs.signalToLeerplicht]: z.object({ signalId }),
  [Verbs.supportSave]: z.object({
    signalId,
    categories: inputText.optional(),
    priorConcern: inputText.optional(),
  }),
  [Verbs.supportEdit]: z.object({ signalId }),
  [Verbs.escalationTake]: z.object({ signalId }),
} satisfies Record<Verb, z.ZodType>;

export type VerbData<V extends Verb> = z.infer<(typeof schemas)[V]>;

/** A card action after parsing: narrow on `verb` to get its data. */
export type CardAction = { [V in Verb]: { verb: V; data: VerbData<V> } }[Verb];

export type ParsedCardAction =
  | { ok: true; action: CardAction }
  | { ok: false; reason: 'unknown_verb' | 'invalid_data' };

export function isVerb(verb: string): verb is Verb {
  return Object.hasOwn(schemas, verb);
}

/** Parses an Action.Execute invoke; never throws. */
export function parseCardAction(verb: string, data: unknown): ParsedCardAction {
  if (!isVerb(verb)) return { ok: false, reason: 'unknown_verb' };
  const parsed = schemas[verb].safeParse(data ?? {});
  if (!parsed.success) return { ok: false, reason: 'invalid_data' };
  // TypeScript cannot tie the looked-up schema back to `verb`; the lookup above does.
  return { ok: true, action: { verb, data: parsed.data } as CardAction };
}

/**
 * School pickers with more schools than this ask the bot as the user types (Teams' dynamic
 * typeahead: `choices.data` with a `Data.Query`, answered in an `application/search` invoke)
 * instead of listing every school: Teams refuses a message over about 100 KB, and a household
 * form repeats the list per child.
 */
export const STATIC_SCHOOL_CHOICES_MAX = 30;

/** The typeahead datasets the bot answers; the route card's names its signal. */
export const SearchDatasets = {
  /** The signal form's School choice: the worker's schools, and leerplicht per municipality. */
  signalDestinations: 'signal.destinations',
  /** The route card's School choice: `route.schools:<signalId>`. */
  routeSchools: 'route.schools',
} as const;

export function routeSchoolsDataset(signalId: string): string {
  return `${SearchDatasets.routeSchools}:${signalId}`;
}

/** Teams asks for at most 15 at a time; the bound keeps a hostile request cheap. */
export const SEARCH_MAX_RESULTS = 50;

const searchInvokeSchema = z.object({
  queryText: z.string().max(200).default(''),
  dataset: z.string().max(200),
  queryOptions: z
    .object({
      skip: z.number().int().min(0).max(100_000).default(0),
      top: z.number().int().min(1).max(1000).default(15),
    })
    .default({ skip: 0, top: 15 }),
});

export type SearchDataset = { kind: 'signal.destinations' } | { kind: 'route.schools'; signalId: string };

export interface SearchQuery {
  dataset: SearchDataset;
  /** What the user typed, trimmed. */
  text: string;
  skip: number;
  top: number;
}

/** Parses an `application/search` invoke's value; undefined for anything this bot does not answer. */
export function parseSearchQuery(value: unknown): SearchQuery | undefined {
  const parsed = searchInvokeSchema.safeParse(value ?? {});
  if (!parsed.success) return undefined;
  const { queryText, dataset, queryOptions } = parsed.data;
  const paging = { text: queryText.trim(), skip: queryOptions.skip, top: Math.min(queryOptions.top, SEARCH_MAX_RESULTS) };
  if (dataset === SearchDatasets.signalDestinations) return { dataset: { kind: 'signal.destinations' }, ...paging };
  const prefix = `${SearchDatasets.routeSchools}:`;
  if (dataset.startsWith(prefix)) {
    const id = signalId.safeParse(dataset.slice(prefix.length));
    if (id.success) return { dataset: { kind: 'route.schools', signalId: id.data }, ...paging };
  }
  return undefined;
}
