/** Reading Adaptive Card JSON in tests: every element, every action, and what a person sees. */
import type { AdaptiveCard, CardElement } from '../../cards/adaptive-card';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);

/**
 * Every body element, depth first, in reading order (containers, columns, tables, show-cards),
 * and an element's `fallback` element right after it: what a host shows when it cannot draw one.
 */
export function elementsOf(card: AdaptiveCard | Node): CardElement[] {
  const found: CardElement[] = [];
  const visit = (element: Node): void => {
    found.push(element as CardElement);
    for (const key of ['items', 'columns', 'rows', 'cells'] as const) {
      // A Table's `columns` are width definitions, not elements.
      if (element.type === 'Table' && key === 'columns') continue;
      nodes(element[key]).forEach(visit);
    }
    if (isNode(element.fallback)) visit(element.fallback);
  };
  nodes((card as Node).body).forEach(visit);
  return found;
}

/** Every action: the card's own, ActionSets' and those inside Action.ShowCard cards. */
export function actionsOf(card: AdaptiveCard | Node): Node[] {
  const found: Node[] = [];
  const collect = (list: unknown): void => {
    for (const action of nodes(list)) {
      found.push(action);
      if (isNode(action.card)) found.push(...actionsOf(action.card));
    }
  };
  collect((card as Node).actions);
  for (const element of elementsOf(card)) {
    if (element.type === 'ActionSet') collect(element.actions);
    if (isNode(element.selectAction)) found.push(element.selectAction);
  }
  return found;
}

export function inputsOf(card: AdaptiveCard): CardElement[] {
  return elementsOf(card).filter((e) => e.type.startsWith('Input.'));
}

export function inputById(card: AdaptiveCard, id: string): CardElement {
  const input = inputsOf(card).find((e) => e.id === id);
  if (!input) throw new Error(`no input with id ${id}`);
  return input;
}

/** Every text a person can read on the card. */
export function visibleTexts(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.length > 0) texts.push(value);
  };
  for (const element of elementsOf(card)) {
    add(element.text);
    add(element.label);
    add(element.placeholder);
    for (const fact of nodes(element.facts)) {
      add(fact.title);
      add(fact.value);
    }
    for (const choice of nodes(element.choices)) add(choice.title);
    for (const run of nodes(element.inlines)) add(run.text);
  }
  for (const action of actionsOf(card)) add(action.title);
  return texts;
}

/** The TextBlock shown right after an input, if it is an error (attention) message. */
export function errorUnder(card: AdaptiveCard, inputId: string): string | undefined {
  const body = card.body;
  const index = body.findIndex((e) => e.id === inputId);
  if (index < 0) throw new Error(`no top-level input with id ${inputId}`);
  const next = body[index + 1];
  return next?.type === 'TextBlock' && next.color === 'attention' ? String(next.text) : undefined;
}
