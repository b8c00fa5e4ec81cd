/**
 * CSV import on the Beheer page: choose schools or members and a file, see what would change
 * (added, changed, removed, every wrong line), then apply it in one step. The server checks it all
 * and refuses a file previewed against a directory that has changed since.
 */
import type { ImportPreviewData } from './api';
import { h } from './dom';
import { problemText } from './problem-text';
import type { Strings } from './strings';

export interface CsvImporting {
  preview(kind: 'schools' | 'members', csv: string): Promise<{ status: number; json: Record<string, unknown> }>;
  apply(kind: 'schools' | 'members', csv: string, version: string): Promise<{ status: number; json: Record<string, unknown> }>;
  reload(message: string): Promise<void>;
}

const SHOWN = 50;

/** An import's problem names its field first (`aadObjectId: …`): in words of the page, as in the form. */
function csvProblem(t: Strings, message: string): string {
  const field = /^([A-Za-z.0-9]+): /.exec(message)?.[1] ?? '';
  return problemText(t, field, message);
}

export function csvImport(t: Strings, importing: CsvImporting): HTMLElement {
  const c = t.directory.csv;
  const kind = h('select', { id: 'csv-kind' }, h('option', { value: 'members' }, c.members), h('option', { value: 'schools' }, c.schools)) as HTMLSelectElement;
  const file = h('input', { id: 'csv-file', type: 'file', accept: '.csv,text/csv' }) as HTMLInputElement;
  const result = h('div', { id: 'csv-preview', 'aria-live': 'polite' });
  const previewButton = h('button', { type: 'button', id: 'csv-preview-button' }, c.preview);

  previewButton.addEventListener('click', () => void preview());
  const preview = async () => {
    const chosen = file.files?.[0];
    if (!chosen) {
      result.replaceChildren(h('p', { role: 'alert' }, c.chooseFile));
      return;
    }
    const csv = await chosen.text();
    const which = kind.value as 'schools' | 'members';
    const answer = await importing.preview(which, csv).catch(() => ({ status: 0, json: {} as Record<string, unknown> }));
    if (answer.status !== 200) {
      result.replaceChildren(h('p', { role: 'alert' }, answer.status === 413 ? c.tooLarge : t.directory.failed));
      return;
    }
    result.replaceChildren(...previewOf(t, answer.json as unknown as ImportPreviewData, async (version) => {
      const applied = await importing.apply(which, csv, version).catch(() => ({ status: 0, json: {} as Record<string, unknown> }));
      if (applied.status === 200) return importing.reload(c.applied);
      result.prepend(h('p', { role: 'alert' }, applied.status === 409 ? c.changedSince : t.directory.failed));
    }));
  };

  return h(
    'section',
    { class: 'csv-import', 'aria-labelledby': 'csv-heading' },
    h('h3', { id: 'csv-heading' }, c.heading),
    h('p', { class: 'note' }, c.format),
    h('div', { class: 'toolbar' }, h('label', { for: 'csv-kind' }, c.kind), kind, h('label', { for: 'csv-file' }, c.file), file, previewButton),
    result,
  );
}

function previewOf(t: Strings, p: ImportPreviewData, apply: (version: string) => Promise<void>): HTMLElement[] {
  const c = t.directory.csv;
  const list = (heading: string, id: string, items: Array<{ id: string; name: string }>) =>
    items.length === 0
      ? null
      : h('div', { 'data-preview': id }, h('h4', {}, `${heading} (${items.length})`), h('ul', {}, ...items.slice(0, SHOWN).map((i) => h('li', {}, `${i.name} (${i.id})`))), items.length > SHOWN && h('p', { class: 'note' }, t.directory.capped(SHOWN)));
  const applyButton = h('button', { type: 'button', id: 'csv-apply', class: 'primary', ...(p.errors.length > 0 ? { disabled: '' } : {}) }, c.apply);
  applyButton.addEventListener('click', () => void apply(p.version));
  const parts: Array<HTMLElement | null> = [
    h('p', { id: 'csv-summary' }, c.summary(p.added.length, p.changed.length, p.removed.length, p.unchanged)),
    p.errors.length > 0
      ? h('div', { 'data-preview': 'errors', role: 'alert' }, h('h4', {}, `${c.errors} (${p.errors.length})`), h('ul', {}, ...p.errors.slice(0, SHOWN).map((e) => h('li', {}, e.line > 0 ? c.line(e.line, csvProblem(t, e.message)) : csvProblem(t, e.message)))))
      : null,
    list(c.added, 'added', p.added),
    list(c.changed, 'changed', p.changed),
    list(c.removed, 'removed', p.removed),
    applyButton,
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}
