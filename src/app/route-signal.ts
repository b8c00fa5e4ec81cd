import type { School } from '../domain/directory';
import { DomainError, ErrorCodes } from '../domain/errors';
import { UNROUTABLE_REASONS, forwardableSchools, type UnroutableReason } from '../domain/routing';
import { alertUnaccountedCopies, withUnaccountedCopies } from '../domain/forget-child';
import { closeUnroutable, forwardToSchool, requireAwaitingRouting, type Signal } from '../domain/signal';
import type { DirectoryStore, Logger } from '../ports';
import { requireLeerplichtOf } from './access';
import { actorOf, type RequestSource } from './audit-trail';
import { changeSignal, type ChangeSignalDeps } from './change-signal';
import { recipientsAt } from './issue-signal';
import { readSignalAs } from './read-signal';
import { SchoolTime } from './school-time';
import { auditUnaccountedCopies } from './unaccounted-copies';

export interface RouteSignalDeps extends ChangeSignalDeps {
  directory: DirectoryStore;
  logger: Logger;
  /** The working window: when new messages may go out (quiet time, or none with `{ quietTime: false }`). */
  schoolTime: SchoolTime;
}

export type ForwardProblem = 'required' | 'notAllowed' | 'noContacts' | 'tried';

export type RouteResult =
  | { ok: true; signal: Signal }
  | { ok: false; signal: Signal; problems: { schoolId?: ForwardProblem; reason?: 'required' } };

/**
 * Leerplicht looks the school up and forwards the signal ("Doorsturen"), or records that no
 * school was found ("Geen school gevonden"). The first officer to act wins; the others are told.
 */
export class RouteSignal {
  private readonly schoolTime: SchoolTime;

  constructor(private readonly deps: RouteSignalDeps) {
    this.schoolTime = deps.schoolTime;
  }

  /** Every school in the directory, for the officer's choice (children cross municipal borders). */
  schools(): Promise<School[]> {
    return this.deps.directory.listAllSchools();
  }

  async forward(actorId: string, signalId: string, schoolId: string | undefined, source: RequestSource = {}): Promise<RouteResult> {
    const signal = await this.viewAsOfficer(actorId, signalId, source);
    const school = schoolId ? await this.deps.directory.getSchool(schoolId) : undefined;
    const problem: ForwardProblem | undefined = !schoolId ? 'required' : !school ? 'notAllowed' : signal.triedSchoolIds.includes(school.id) ? 'tried' : undefined;
    const contacts = school && !problem ? await recipientsAt(this.deps.directory, school.id) : [];
    if (problem || !school || contacts.length === 0) {
      // Someone else may have acted meanwhile: that answer beats a form problem.
      requireAwaitingRouting(signal);
      return { ok: false, signal, problems: { schoolId: problem ?? 'noContacts' } };
    }
    const times = await this.schoolTime.scheduleAt(school, new Date(signal.issuedAt), this.deps.clock.now());
    const forwarded = await changeSignal(
      this.deps,
      { ...source, actorId, role: 'leerplicht', signalId, action: 'signal.forward' },
      (current) => requireLeerplichtOf(this.deps.directory, actorId, current),
      (current, officer, now) => forwardToSchool(current, actorOf(officer, source), school.id, contacts, now, times),
    );
    return { ok: true, signal: forwarded };
  }

  async noSchool(actorId: string, signalId: string, reasonText: string | undefined, source: RequestSource = {}): Promise<RouteResult> {
    const signal = await this.viewAsOfficer(actorId, signalId, source);
    const reason = UNROUTABLE_REASONS.find((r) => r === reasonText) as UnroutableReason | undefined;
    const worker = await this.deps.directory.getMember(signal.issuedBy);
    if (!reason) {
      requireAwaitingRouting(signal);
      return { ok: false, signal, problems: { reason: 'required' } };
    }
    // Closing forgets the child at once: a card whose send was in doubt may have left a copy with
    // the name that nobody can redraw, and the admins are told, as when the moment to forget comes.
    const admins = (await this.deps.directory.listAdmins()).map((m) => ({ id: m.aadObjectId, name: m.name }));
    const closed = await changeSignal(
      this.deps,
      { ...source, actorId, role: 'leerplicht', signalId, action: 'signal.no_school' },
      (current) => requireLeerplichtOf(this.deps.directory, actorId, current),
      (current, officer, now) =>
        alertUnaccountedCopies(closeUnroutable(current, actorOf(officer, source), reason, { id: signal.issuedBy, name: worker?.name ?? '' }, now), admins, now),
    );
    await auditUnaccountedCopies(this.deps, closed, withUnaccountedCopies(closed), this.deps.clock.now());
    return { ok: true, signal: closed };
  }

  /**
   * The schools an officer of the signal's municipality may forward it to, for the School
   * choice's typeahead; refused like `viewAsOfficer` for anyone else. Not audited: it shows no
   * child, and Teams asks again on every few keystrokes.
   */
  async forwardableSchoolsFor(actorId: string, signalId: string): Promise<School[]> {
    const found = await this.deps.signals.get(signalId);
    if (!found) throw new DomainError(ErrorCodes.signalNotFound, { signalId });
    await requireLeerplichtOf(this.deps.directory, actorId, found.value);
    return forwardableSchools(await this.deps.directory.listAllSchools(), found.value.triedSchoolIds);
  }

  /** The signal as an officer of its municipality may see it; audited, refusals included. */
  async viewAsOfficer(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    const { signal } = await readSignalAs(this.deps, { ...source, actorId, role: 'leerplicht', signalId, action: 'signal.view' }, (s) =>
      requireLeerplichtOf(this.deps.directory, actorId, s),
    );
    return signal;
  }
}
