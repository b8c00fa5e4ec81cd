/**
 * Every card button's verb and the shape of what Teams sends back for it
 * (`value.action.data`: the button's data with the card's inputs merged in).
 * This is the edge: the payload is parsed here once, and inside the bot it is trusted.
 */
import { z } from 'zod';

export const Verbs = {
  signalSubmit: 'signal.submit',
  signalAcknowledge: 'signal.acknowledge',
  supportSave: 'support.save',
  supportEdit: 'support.edit',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

/** Inputs arrive as text; the bound keeps a hostile payload from costing us anything. */
const inputText = z.string().max(1000);
const signalId = z.string().min(1).max(100);

// z.object strips unknown keys: Teams adds its own (e.g. msteams) and they are not ours to read.
const schemas = {
  [Verbs.signalSubmit]: z.object({
    firstName: inputText.optional(),
    lastName: inputText.optional(),
    birthDate: inputText.optional(),
    schoolId: inputText.optional(),
  }),
  [Verbs.signalAcknowledge]: z.object({ signalId }),
  [Verbs.supportSave]: z.object({
    signalId,
    categories: inputText.optional(),
    priorConcern: inputText.optional(),
  }),
  [Verbs.supportEdit]: z.object({ signalId }),
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
