/**
 * The small part of Adaptive Cards 1.5 these cards use, typed loosely enough to stay readable
 * and strictly enough that a card always has the envelope Teams expects.
 */
import type { Verb } from './verbs';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

/** Any body element; `type` names it (TextBlock, Input.Text, Table, ...). */
export type CardElement = { type: string } & Record<string, unknown>;

export interface ExecuteAction {
  type: 'Action.Execute';
  verb: Verb;
  title: string;
  /** Ids to look things up by, and the form's child count; never a right to act. */
  data?: Record<string, string | number>;
  /** "auto": send the card's inputs; "none": send only `data`. */
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: ExecuteAction[];
}

export function adaptiveCard(body: CardElement[], actions: ExecuteAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

type TextOptions = Partial<{
  size: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight: 'lighter' | 'default' | 'bolder';
  color: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle: boolean;
  fontType: 'default' | 'monospace';
  spacing: 'none' | 'small' | 'default' | 'medium' | 'large';
  style: 'default' | 'heading';
  separator: boolean;
}>;

export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** The card's title: announced as a heading by screen readers. */
export function heading(text: string): CardElement {
  return textBlock(text, { size: 'large', weight: 'bolder', style: 'heading' });
}

/** A problem with one input, shown right under it. */
export function fieldError(text: string): CardElement {
  return textBlock(text, { color: 'attention', spacing: 'small' });
}

/** Groups elements, e.g. one signal of a list, with a line above it. */
export function container(items: CardElement[], options: { separator?: boolean } = {}): CardElement {
  return { type: 'Container', items, ...options };
}

export function factSet(facts: Array<[title: string, value: string]>): CardElement {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) };
}

export function executeAction(
  verb: Verb,
  title: string,
  options: Omit<ExecuteAction, 'type' | 'verb' | 'title'> = {},
): ExecuteAction {
  return { type: 'Action.Execute', verb, title, ...options };
}
