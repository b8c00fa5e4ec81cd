/** Reads Adaptive Card JSON the way a person looks at a card: inputs, buttons, visible text. */
type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function inputs(card: unknown): Node[] {
  const found: Node[] = [];
  walk(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && found.push(n));
  return found;
}

export function inputLabelled(card: unknown, label: string): Node | undefined {
  return inputs(card).find((i) => typeof i.label === 'string' && i.label.includes(label));
}

export function executeActions(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute') found.push({ title: String(n.title), verb: String(n.verb), data: (n.data as Record<string, unknown>) ?? {} });
  });
  return found;
}

export function buttonTitled(card: unknown, text: string): { title: string; verb: string; data: Record<string, unknown> } | undefined {
  return executeActions(card).find((a) => a.title.includes(text));
}

/** All text a person can read on the card, joined. */
export function visibleText(card: unknown): string {
  const parts: string[] = [];
  walk(card, (n) => {
    for (const key of ['text', 'title', 'value', 'label']) if (typeof n[key] === 'string') parts.push(n[key]);
  });
  return parts.join('\n');
}
