/** Admins: the directory, read only for now, with one search over all three tables. */
import type { DirectoryData } from './api';
import { h, table } from './dom';
import type { Strings } from './strings';

export function directoryPage(t: Strings, data: DirectoryData): HTMLElement {
  const d = t.directory;
  const municipalityName = new Map(data.municipalities.map((m) => [m.id, m.name]));
  const results = h('div', { id: 'directory-results', 'aria-live': 'polite' });
  const search = h('fluent-text-field', { id: 'directory-search', placeholder: d.searchHint, type: 'search', 'aria-label': d.search }) as HTMLElement & { value: string };

  const render = (query: string) => {
    const q = query.trim().toLowerCase();
    const match = (...texts: Array<string | undefined>) => q === '' || texts.some((text) => (text ?? '').toLowerCase().includes(q));
    const municipalities = data.municipalities.filter((m) => match(m.id, m.name));
    const schools = data.schools.filter((s) => match(s.id, s.name, s.municipalityId, municipalityName.get(s.municipalityId)));
    const members = data.members.filter((m) => match(m.name, m.email, ...m.roles.map((r) => t.roles[r.role])));
    const section = (heading: string, shown: number, total: number, content: HTMLElement) =>
      h('section', {}, h('h3', {}, `${heading} (${d.count(shown, total)})`), shown === 0 ? h('p', {}, d.none) : content);
    results.replaceChildren(
      section(
        d.municipalities,
        municipalities.length,
        data.municipalities.length,
        table(d.municipalities, [d.cols.name, d.cols.id, d.cols.routing], municipalities.map((m) => [m.name, m.id, d.routing[m.routing]])),
      ),
      section(
        d.schools,
        schools.length,
        data.schools.length,
        table(d.schools, [d.cols.name, d.cols.id, d.cols.municipality], schools.map((s) => [s.name, s.id, municipalityName.get(s.municipalityId) ?? s.municipalityId])),
      ),
      section(
        d.members,
        members.length,
        data.members.length,
        table(
          d.members,
          [d.cols.name, d.cols.email, d.cols.roles, d.cols.reachable],
          members.map((m) => [m.name, m.email ?? '', [...new Set(m.roles.map((r) => t.roles[r.role] ?? r.role))].join(', '), m.reachable ? d.reachable : d.notYetReachable]),
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
    h('label', { for: 'directory-search', class: 'visually-hidden' }, d.search),
    search,
    results,
  );
}
