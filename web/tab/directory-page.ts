/**
 * Admins: the directory, with one search over all three tables and the warnings at the top.
 * While the store is the truth they add, change and remove entries here (`directory-form.ts`);
 * while HWC_DIRECTORY_FILE is the truth the page only shows it, and says so. Each table draws at
 * most MAX_ROWS rows, so a region of thousands of schools stays quick to search.
 */
import type { DirectoryData, DirectoryWarning, EditProblem } from './api';
import { entryForm, type EntryKind } from './directory-form';
import { csvImport, type CsvImporting } from './directory-import';
import { h } from './dom';
import { problemText } from './problem-text';
import type { Strings } from './strings';

const MAX_ROWS = 200;

/** What the page asks of the server; absent while the directory is read only. */
export interface DirectoryEditing extends CsvImporting {
  save(kind: EntryKind, entry: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }>;
  remove(kind: EntryKind, id: string): Promise<{ status: number; json: Record<string, unknown> }>;
  /** Loads the directory again and draws the page anew, with `message` as its status line. */
  reload(message: string): Promise<void>;
}

export function directoryPage(t: Strings, data: DirectoryData, editing?: DirectoryEditing, message = ''): HTMLElement {
  const d = t.directory;
  const editable = !data.readOnly && editing !== undefined;
  const municipalityName = new Map(data.municipalities.map((m) => [m.id, m.name]));
  const results = h('div', { id: 'directory-results', 'aria-live': 'polite' });
  const status = h('p', { id: 'directory-status', role: 'status' }, message);
  const formSlot = h('div', { id: 'directory-form' });
  const search = h('fluent-text-field', { id: 'directory-search', placeholder: d.searchHint, type: 'search', 'aria-label': d.search }) as HTMLElement & { value: string };

  const openForm = (kind: EntryKind, entry: Record<string, unknown> | undefined) => {
    const form = entryForm(t, kind, data, entry, (next) => void save(kind, next), () => formSlot.replaceChildren());
    const save = async (kind: EntryKind, next: Record<string, unknown>) => {
      const answer = await editing!.save(kind, next).catch(() => ({ status: 0, json: {} as Record<string, unknown> }));
      if (answer.status === 200) return editing!.reload(d.saved);
      if (answer.status === 422) return form.showProblems((answer.json.problems as EditProblem[] | undefined) ?? []);
      form.showProblems([{ field: '', message: d.failed }]);
    };
    formSlot.replaceChildren(form.element);
    form.element.querySelector<HTMLElement>('input:not([readonly]), select')?.focus();
  };
  // Asked on the page itself: Teams' clients may block the browser's confirm() dialog in a tab.
  const remove = (kind: EntryKind, id: string, name: string) => {
    const yes = button(d.remove, () => void removeNow(kind, id), { id: 'confirm-remove', class: 'primary' });
    status.replaceChildren(h('span', {}, d.confirmRemove(name)), ' ', yes, ' ', button(d.cancel, () => status.replaceChildren()));
    yes.focus();
  };
  const removeNow = async (kind: EntryKind, id: string) => {
    const answer = await editing!.remove(kind, id).catch(() => ({ status: 0, json: {} as Record<string, unknown> }));
    if (answer.status === 200) return editing!.reload(d.removed);
    const problems = (answer.json.problems as EditProblem[] | undefined) ?? [{ field: '', message: d.failed }];
    status.textContent = `${d.problems} ${problems.map((p) => problemText(t, p.field, p.message)).join(' ')}`;
  };

  /**
   * A table of texts; with editing, each row ends in Wijzigen and Verwijderen. Only the rows
   * shown are drawn up (`rowOf`): a region's 20,000 people are filtered, not all turned into rows.
   */
  const grid = <T>(caption: string, kind: EntryKind, headers: string[], items: T[], rowOf: (item: T) => { id: string; name: string; cells: string[]; entry: Record<string, unknown> }) => {
    const shown = items.slice(0, MAX_ROWS).map(rowOf);
    const body = shown.map((row) =>
      h(
        'tr',
        { 'data-id': row.id },
        ...row.cells.map((text, i) => (i === 0 ? h('th', { scope: 'row' }, text) : h('td', {}, text))),
        editable && h('td', { class: 'row-actions' }, button(d.change, () => openForm(kind, row.entry)), button(d.remove, () => remove(kind, row.id, row.name))),
      ),
    );
    return h(
      'div',
      {},
      h(
        'table',
        {},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)), editable && h('th', { scope: 'col' }, d.actions))),
        h('tbody', {}, ...body),
      ),
      items.length > MAX_ROWS && h('p', { class: 'note' }, d.capped(MAX_ROWS)),
    );
  };

  // Each entry's searchable texts, lowercased once, at the first search: a keystroke then costs
  // one `includes` per entry (a region's 26,000), not a lowercasing of every field.
  let searchable: { municipalities: string[]; schools: string[]; members: string[] } | undefined;
  const textOf = (...texts: Array<string | undefined>) => texts.map((text) => text ?? '').join('\n').toLowerCase();
  const searchTexts = () =>
    (searchable ??= {
      municipalities: data.municipalities.map((m) => textOf(m.id, m.name)),
      schools: data.schools.map((s) => textOf(s.id, s.name, s.municipalityId, municipalityName.get(s.municipalityId))),
      members: data.members.map((m) => textOf(m.name, m.email, ...m.roles.map((r) => t.roles[r.role]))),
    });

  const render = (query: string) => {
    const q = query.trim().toLowerCase();
    const found = <T>(entries: T[], texts: () => string[]) => (q === '' ? entries : entries.filter((_, i) => texts()[i]!.includes(q)));
    const municipalities = found(data.municipalities, () => searchTexts().municipalities);
    const schools = found(data.schools, () => searchTexts().schools);
    const members = found(data.members, () => searchTexts().members);
    const section = (heading: string, kind: EntryKind, shown: number, total: number, content: () => HTMLElement) =>
      h(
        'section',
        { 'data-list': kind },
        h('h3', {}, `${heading} (${d.count(shown, total)})`),
        editable && button(`${d.add}: ${heading.toLowerCase()}`, () => openForm(kind, undefined), { 'data-add': kind }),
        shown === 0 ? h('p', {}, d.none) : content(),
      );
    results.replaceChildren(
      section(d.municipalities, 'municipalities', municipalities.length, data.municipalities.length, () =>
        grid(
          d.municipalities,
          'municipalities',
          [d.cols.name, d.cols.id, d.cols.routing],
          municipalities,
          (m) => ({ id: m.id, name: m.name, cells: [m.name, m.id, d.routing[m.routing]], entry: m }),
        ),
      ),
      section(d.schools, 'schools', schools.length, data.schools.length, () =>
        grid(
          d.schools,
          'schools',
          [d.cols.name, d.cols.id, d.cols.municipality],
          schools,
          (s) => ({ id: s.id, name: s.name, cells: [s.name, s.id, municipalityName.get(s.municipalityId) ?? s.municipalityId], entry: s }),
        ),
      ),
      section(d.members, 'members', members.length, data.members.length, () =>
        grid(
          d.members,
          'members',
          [d.cols.name, d.cols.email, d.cols.roles, d.cols.reachable],
          members,
          (m) => ({
            id: m.id,
            name: m.name,
            cells: [m.name, m.email ?? '', [...new Set(m.roles.map((r) => t.roles[r.role] ?? r.role))].join(', '), m.reachable ? d.reachable : d.notYetReachable],
            entry: m,
          }),
        ),
      ),
    );
  };
  search.addEventListener('input', () => render(search.value ?? ''));
  render('');
  return h(
    'section',
    { 'aria-labelledby': 'directory-heading' },
    h('h2', { id: 'directory-heading' }, d.heading),
    data.readOnly && h('p', { class: 'notice', role: 'note' }, d.readOnly),
    data.warnings.length > 0 && warningList(t, data.warnings, data.warningCount),
    status,
    editable && csvImport(t, editing),
    formSlot,
    h('label', { for: 'directory-search', class: 'visually-hidden' }, d.search),
    search,
    results,
  );
}

function warningList(t: Strings, warnings: DirectoryWarning[], total: number): HTMLElement {
  const w = t.directory.warnings;
  const text = (warning: DirectoryWarning) => (warning.kind === 'calendar_ends' ? w.calendar_ends(warning.endsOn, warning.daysLeft) : w[warning.kind](warning.name));
  return h(
    'section',
    { class: 'notice warnings', id: 'directory-warnings', 'aria-labelledby': 'warnings-heading' },
    h('h3', { id: 'warnings-heading' }, `${t.directory.warningsHeading} (${total})`),
    h('ul', {}, ...warnings.map((warning) => h('li', { 'data-warning': warning.kind }, text(warning)))),
    total > warnings.length && h('p', { class: 'note' }, t.directory.moreWarnings(warnings.length)),
  );
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
  const element = h('button', { type: 'button', ...attrs }, label);
  element.addEventListener('click', onClick);
  return element;
}
