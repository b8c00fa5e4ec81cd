/**
 * The admin's form for one directory entry: a municipality, a school or a member with roles. It
 * edits a copy of the entry, so fields the form does not show (a school's holidays, a time
 * policy) are kept as they were. The server checks everything; its problems are shown at their
 * fields, the rest above the buttons.
 */
import type { DirectoryData, EditProblem, RoleData } from './api';
import { h } from './dom';
import { problemText } from './problem-text';
import type { Strings } from './strings';

export type EntryKind = 'municipalities' | 'schools' | 'members';
type Entry = Record<string, unknown>;

const ROLES = ['vt_worker', 'school_contact', 'leerplicht', 'coordinator', 'manager', 'admin'] as const;

export interface EntryForm {
  element: HTMLFormElement;
  /** Shows the server's problems at their fields. */
  showProblems(problems: EditProblem[]): void;
}

/** `entry` undefined: a new one. `save` gets the entry as the API takes it. */
export function entryForm(t: Strings, kind: EntryKind, data: DirectoryData, entry: Entry | undefined, save: (entry: Entry) => void, cancel: () => void): EntryForm {
  const d = t.directory;
  const f = d.fields;
  const isNew = entry === undefined;
  const fieldErrors = new Map<string, HTMLElement>();
  const general = h('ul', { class: 'problems', role: 'alert' });

  const input = (name: string, label: string, value: string, attrs: Record<string, string> = {}) => {
    const id = `field-${name}`;
    const error = h('span', { class: 'field-error', id: `${id}-error` });
    fieldErrors.set(name, error);
    const control = h('input', { id, name, value, 'aria-describedby': `${id}-error`, ...attrs }) as HTMLInputElement;
    return { control, row: h('div', { class: 'field' }, h('label', { for: id }, label), control, error) };
  };
  const select = (name: string, label: string, value: string, options: Array<[string, string]>) => {
    const id = `field-${name}`;
    const error = h('span', { class: 'field-error', id: `${id}-error` });
    fieldErrors.set(name, error);
    const control = h('select', { id, name, 'aria-describedby': `${id}-error` }, ...options.map(([v, text]) => h('option', { value: v, ...(v === value ? { selected: '' } : {}) }, text))) as HTMLSelectElement;
    return { control, row: h('div', { class: 'field' }, h('label', { for: id }, label), control, error) };
  };
  const list = (text: string) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const text = (value: unknown) => (typeof value === 'string' ? value : '');

  let rows: HTMLElement[];
  let read: () => Entry;
  if (kind === 'municipalities') {
    const id = input('id', f.id, text(entry?.id), { placeholder: 'GM0917', ...(isNew ? {} : { readonly: '' }) });
    const name = input('name', f.name, text(entry?.name));
    const routing = select('routing', f.routing, text(entry?.routing) || 'direct', [['direct', d.routing.direct], ['leerplicht', d.routing.leerplicht]]);
    const region = select('holidayRegion', f.holidayRegion, text(entry?.holidayRegion), Object.entries(d.regions));
    rows = [id.row, name.row, routing.row, region.row];
    read = () => {
      const next: Entry = { ...entry, id: id.control.value.trim(), name: name.control.value, routing: routing.control.value };
      if (region.control.value) next.holidayRegion = region.control.value;
      else delete next.holidayRegion;
      return next;
    };
  } else if (kind === 'schools') {
    const id = input('id', f.schoolId, text(entry?.id), { placeholder: '12AB00', ...(isNew ? {} : { readonly: '' }) });
    const name = input('name', f.name, text(entry?.name));
    const municipality = select('municipalityId', f.municipalityId, text(entry?.municipalityId), data.municipalities.map((m) => [m.id, `${m.name} (${m.id})`]));
    const daysOff = input('daysOff', f.daysOff, ((entry?.daysOff as string[] | undefined) ?? []).join(', '));
    rows = [id.row, name.row, municipality.row, daysOff.row];
    read = () => {
      const next: Entry = { ...entry, id: id.control.value.trim().toUpperCase(), name: name.control.value, municipalityId: municipality.control.value };
      const days = list(daysOff.control.value);
      if (days.length > 0) next.daysOff = days;
      else delete next.daysOff;
      return next;
    };
  } else {
    const id = input('aadObjectId', f.aadObjectId, text(entry?.id), isNew ? {} : { readonly: '' });
    const name = input('name', f.name, text(entry?.name));
    const email = input('email', f.email, text(entry?.email), { type: 'email' });
    const roles = roleEditor(t, (entry?.roles as RoleData[] | undefined) ?? [], fieldErrors);
    rows = [id.row, name.row, email.row, roles.element];
    read = () => ({
      aadObjectId: id.control.value.trim(),
      name: name.control.value,
      ...(email.control.value.trim() ? { email: email.control.value.trim() } : {}),
      roles: roles.read(),
    });
  }

  const saveButton = h('button', { type: 'submit', class: 'primary' }, d.save);
  const cancelButton = h('button', { type: 'button' }, d.cancel);
  cancelButton.addEventListener('click', cancel);
  const element = h('form', { class: 'entry-form', novalidate: '' }, ...rows, general, h('div', { class: 'toolbar' }, saveButton, cancelButton)) as HTMLFormElement;
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    save(read());
  });

  return {
    element,
    showProblems(problems) {
      for (const error of fieldErrors.values()) error.textContent = '';
      const unplaced: EditProblem[] = [];
      for (const problem of problems) {
        // `roles.0.schoolId` belongs to the first role's row; `id` and `name` to their fields.
        const target = fieldErrors.get(problem.field) ?? fieldErrors.get(problem.field.split('.').slice(0, 2).join('.')) ?? fieldErrors.get(problem.field.split('.')[0] ?? '');
        if (target && problem.field !== '') target.textContent = problemText(t, problem.field, problem.message);
        else unplaced.push(problem);
      }
      general.replaceChildren(...(unplaced.length > 0 ? [h('li', {}, d.problems)] : []), ...unplaced.map((p) => h('li', {}, problemText(t, p.field, p.message))));
    },
  };
}

/** The member's roles as rows: a role, its scope (municipality codes, or a school), and a contact's rank. */
function roleEditor(t: Strings, initial: RoleData[], fieldErrors: Map<string, HTMLElement>): { element: HTMLElement; read: () => RoleData[] } {
  const d = t.directory;
  const f = d.fields;
  const rows = h('div', { class: 'roles' });
  const readers: Array<() => RoleData | undefined> = [];
  const addRow = (role: RoleData) => {
    const index = readers.length;
    const scopeText = role.role === 'school_contact' ? (role.schoolId ?? '') : [...(role.municipalityIds ?? []), ...(role.schoolIds ?? [])].join(', ');
    const roleSelect = h('select', { 'aria-label': f.role, id: `role-${index}` }, ...ROLES.map((r) => h('option', { value: r, ...(r === role.role ? { selected: '' } : {}) }, t.roles[r] ?? r))) as HTMLSelectElement;
    const scope = h('input', { 'aria-label': f.scope, value: scopeText, id: `role-${index}-scope` }) as HTMLInputElement;
    const rank = h('select', { 'aria-label': f.rank, id: `role-${index}-rank` }, ...Object.entries(d.ranks).map(([v, label]) => h('option', { value: v, ...(v === (role.rank ?? 'primary') ? { selected: '' } : {}) }, label))) as HTMLSelectElement;
    const error = h('span', { class: 'field-error' });
    fieldErrors.set(`roles.${index}`, error);
    const removeButton = h('button', { type: 'button' }, d.removeRole);
    const row = h('div', { class: 'role-row' }, roleSelect, scope, rank, removeButton, error);
    let removed = false;
    removeButton.addEventListener('click', () => {
      removed = true;
      row.remove();
    });
    const showRank = () => (rank.hidden = roleSelect.value !== 'school_contact');
    roleSelect.addEventListener('change', showRank);
    showRank();
    readers.push(() => {
      if (removed) return undefined;
      const codes = scope.value.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
      const name = roleSelect.value;
      if (name === 'admin') return { role: name };
      if (name === 'school_contact') return { role: name, schoolId: codes[0] ?? '', rank: rank.value as 'primary' | 'backup' };
      if (name === 'manager') return { role: name, municipalityIds: codes.filter((c) => c.startsWith('GM')), schoolIds: codes.filter((c) => !c.startsWith('GM')) };
      return { role: name, municipalityIds: codes };
    });
    rows.append(row);
  };
  for (const role of initial) addRow(role);
  const addButton = h('button', { type: 'button' }, d.addRole);
  addButton.addEventListener('click', () => addRow({ role: 'school_contact' }));
  const error = h('span', { class: 'field-error' });
  fieldErrors.set('roles', error);
  return {
    element: h('fieldset', { class: 'field' }, h('legend', {}, f.roles), rows, addButton, error),
    read: () => readers.map((r) => r()).filter((r): r is RoleData => r !== undefined),
  };
}
