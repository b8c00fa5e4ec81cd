import { amsterdamDay } from '../domain/calendar-date';
import { checkBirthDate, checkName, type ChildIdentity } from '../domain/child';
import { rolesOf, workerMunicipalityIds, type Member, type Municipality, type School } from '../domain/directory';
import { ErrorCodes, isDomainError } from '../domain/errors';
import { newReferenceCode } from '../domain/reference-code';
import { LEERPLICHT_DESTINATION_PREFIX, MAX_CHILDREN_PER_FORM } from '../domain/routing';
import { issueSignal, type IssueTarget, type Recipient, type ScheduleTimes, type Signal } from '../domain/signal';
import { leaseDueDeliveries } from '../domain/signal.deliveries';
import { IssueNotAudited, type AuditEntry, type Clock, type DirectoryStore, type Metrics, type Random, type SignalStore } from '../ports';
import { noMetrics } from './no-metrics';
import { requireRole } from './access';
import { sourceFields, type RequestSource } from './audit-trail';
import type { Dispatcher } from './dispatcher';
import { SchoolTime, type ForgetPlan } from './school-time';
import type { SignalField, SignalFieldProblem } from '../domain/signal-input';

export type { SignalField, SignalFieldProblem } from '../domain/signal-input';

/** One child as typed in the form; `schoolId` is a school id or `leerplicht:<municipality id>`. */
export type SignalInput = Partial<Record<SignalField, string>>;
export type ChildProblems = Partial<Record<SignalField, SignalFieldProblem>>;

/** Where a worker may send a signal: schools they may choose, and leerplicht per municipality. */
export interface Destinations {
  schools: School[];
  leerplicht: Municipality[];
}

export type IssuedDestination =
  | { kind: 'school'; school: School; contactCount: number }
  | { kind: 'leerplicht'; municipality: Municipality; officerCount: number };

export type IssueSignalResult =
  | { ok: false; errors: ChildProblems[] }
  | { ok: true; issued: Array<{ signal: Signal; destination: IssuedDestination }>; repeated: boolean };

const REFERENCE_TRIES = 10;

export interface IssueSignalDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  dispatcher: Dispatcher;
  clock: Clock;
  random: Random;
  /** The working window: when new messages may go out (quiet time, or none with `{ quietTime: false }`). */
  schoolTime: SchoolTime;
  metrics?: Metrics;
}

interface PlannedChild {
  child: ChildIdentity;
  municipalityId: string;
  target: IssueTarget;
  destination: IssuedDestination;
  /** Direct: the school's municipality, for its time policy. */
  municipality?: Municipality;
}

/** How one child's signal is stored: its household, the moment, its press of Verstuur, its audit entry. */
interface StoreOptions {
  householdId: string | undefined;
  now: Date;
  submissionId: string | undefined;
  issueEntry: (reference: string) => AuditEntry;
}

/** When cards go out and deadlines fall, and when the child is forgotten at the latest. */
type Timing = ({ times: ScheduleTimes } | { deliverAt: Date }) & { forget: ForgetPlan };

/**
 * A Veilig Thuis worker issues signals for a household: one signal per child, each routed on
 * its own — to a school's contacts, or to leerplicht when the school is unknown (and always in a
 * municipality that routes through leerplicht). One invalid child blocks the whole submission.
 */
export class IssueSignal {
  private readonly schoolTime: SchoolTime;

  constructor(private readonly deps: IssueSignalDeps) {
    this.schoolTime = deps.schoolTime;
  }

  async destinationsFor(actorId: string): Promise<Destinations> {
    const worker = await requireRole(this.deps.directory, actorId, 'vt_worker');
    return this.destinationsOf(worker);
  }

  /**
   * `submissionIds[i]` identifies one press of Verstuur for child i (the bot derives it from the
   * form's message): it becomes that signal's id, so a double click or a Teams retry finds the
   * signals already issued instead of issuing them twice.
   */
  async execute(
    actorId: string,
    children: SignalInput[],
    source: RequestSource = {},
    submissionIds: Array<string | undefined> = [],
  ): Promise<IssueSignalResult> {
    const worker = await requireRole(this.deps.directory, actorId, 'vt_worker');
    const now = this.deps.clock.now();
    const municipalities = await this.municipalitiesOf(worker);
    const checked = await Promise.all(children.slice(0, MAX_CHILDREN_PER_FORM).map((c) => this.check(c, municipalities, now)));
    if (checked.length === 0 || checked.some((c) => 'problems' in c)) {
      return { ok: false, errors: checked.map((c) => ('problems' in c ? c.problems : {})) };
    }
    const planned = checked as PlannedChild[];
    // Its own id: a repeated submission returns the signals already stored, household id and all.
    const householdId = planned.length > 1 ? this.deps.random.uuid() : undefined;
    const issued: Array<{ signal: Signal; destination: IssuedDestination }> = [];
    let repeated = false;
    // Recorded with the signal itself (see SignalStore.create): a refused create records nothing.
    const issueEntry = (reference: string): AuditEntry => ({
      at: now.toISOString(),
      actorId,
      role: 'vt_worker',
      action: 'signal.issue',
      objectId: reference,
      result: 'ok',
      ...sourceFields(source),
    });
    for (const [index, plan] of planned.entries()) {
      const timing = await this.timingOf(plan, now);
      const stored = await this.store(worker, plan, timing, { householdId, now, submissionId: submissionIds[index], issueEntry });
      repeated ||= stored.repeated;
      // Sent again: where it went then, not where the form (perhaps changed since) says now.
      issued.push({ signal: stored.signal, destination: stored.repeated ? await this.destinationOf(stored.signal, plan.destination) : plan.destination });
      if (!stored.repeated) (this.deps.metrics ?? noMetrics).signalIssued(plan.target.route);
    }
    return { ok: true, issued, repeated };
  }

  /** Where a stored signal went when it was issued, counted from its cards. */
  private async destinationOf(signal: Signal, fallback: IssuedDestination): Promise<IssuedDestination> {
    const recipients = (role: 'school_contact' | 'leerplicht') => new Set(signal.deliveries.filter((d) => d.role === role).map((d) => d.recipientId)).size;
    const firstSchoolId = signal.timeline.find((e) => e.type === 'issued')?.subjectId;
    if (signal.route === 'direct' && firstSchoolId) {
      const school = await this.deps.directory.getSchool(firstSchoolId);
      return school ? { kind: 'school', school, contactCount: recipients('school_contact') } : fallback;
    }
    const municipality = await this.deps.directory.getMunicipality(signal.municipalityId);
    return municipality ? { kind: 'leerplicht', municipality, officerCount: recipients('leerplicht') } : fallback;
  }

  private async check(input: SignalInput, municipalities: Municipality[], now: Date): Promise<PlannedChild | { problems: ChildProblems }> {
    const problems: ChildProblems = {};
    const firstName = checkName(input.firstName);
    if ('problem' in firstName) problems.firstName = firstName.problem;
    const lastName = checkName(input.lastName);
    if ('problem' in lastName) problems.lastName = lastName.problem;
    const birthDate = checkBirthDate(input.birthDate, amsterdamDay(now));
    if ('problem' in birthDate) problems.birthDate = birthDate.problem;
    const routed = await this.resolveDestination(input.schoolId, municipalities);
    if ('problem' in routed) problems.schoolId = routed.problem;
    if ('problem' in firstName || 'problem' in lastName || 'problem' in birthDate || 'problem' in routed) return { problems };
    return { child: { firstName: firstName.value, lastName: lastName.value, birthDate: birthDate.value }, ...routed };
  }

  /**
   * The destination the worker chose, if it is one the form offers them: a school in a municipality
   * they serve that routes directly, or leerplicht of a municipality they serve. Looked up by id:
   * a region has hundreds of schools, and listing them all on every press is wasted work.
   */
  private async resolveDestination(
    value: string | undefined,
    municipalities: Municipality[],
  ): Promise<Omit<PlannedChild, 'child'> | { problem: SignalFieldProblem }> {
    if (!value) return { problem: 'required' };
    if (value.startsWith(LEERPLICHT_DESTINATION_PREFIX)) {
      const municipality = municipalities.find((m) => `${LEERPLICHT_DESTINATION_PREFIX}${m.id}` === value);
      if (!municipality) return { problem: 'notAllowed' };
      const officers = await this.officersOf(municipality.id);
      if (officers.length === 0) return { problem: 'noContacts' };
      return {
        municipalityId: municipality.id,
        target: { route: 'leerplicht', officers },
        destination: { kind: 'leerplicht', municipality, officerCount: officers.length },
      };
    }
    const school = await this.deps.directory.getSchool(value);
    const municipality = municipalities.find((m) => m.id === school?.municipalityId && m.routing === 'direct');
    if (!school || !municipality) return { problem: 'notAllowed' };
    const contacts = await recipientsAt(this.deps.directory, school.id);
    if (contacts.length === 0) return { problem: 'noContacts' };
    return {
      municipalityId: school.municipalityId,
      target: { route: 'direct', schoolId: school.id, contacts },
      destination: { kind: 'school', school, contactCount: contacts.length },
      municipality,
    };
  }

  /** Cards reach people inside their working window; a school's deadlines follow its calendar. */
  private async timingOf(plan: PlannedChild, now: Date): Promise<Timing> {
    const school = plan.destination.kind === 'school' ? plan.destination.school : undefined;
    const forget = await this.schoolTime.forgetPlan(school, plan.municipalityId, now);
    return school
      ? { times: await this.schoolTime.scheduleAt(school, now, now, plan.municipality), forget }
      : { deliverAt: await this.schoolTime.officerDeliveryTime(plan.municipalityId, now), forget };
  }

  private async store(
    worker: Member,
    plan: PlannedChild,
    timing: Timing,
    { householdId, now, submissionId, issueEntry }: StoreOptions,
  ): Promise<{ signal: Signal; repeated: boolean }> {
    const { signals, dispatcher, random } = this.deps;
    const lease = dispatcher.lease(now);
    const id = submissionId ?? random.uuid();
    for (let attempt = 1; ; attempt++) {
      const signal = leaseDueDeliveries(
        issueSignal({
          id,
          reference: newReferenceCode((max) => random.int(max)),
          ...(householdId ? { householdId } : {}),
          child: plan.child,
          municipalityId: plan.municipalityId,
          issuedBy: worker.aadObjectId,
          target: plan.target,
          now,
          ...timing,
        }),
        now,
        lease.until,
        lease.id,
      );
      try {
        const stored = await signals.create(signal, issueEntry(signal.reference));
        dispatcher.start(stored.value, lease);
        return { signal: stored.value, repeated: false };
      } catch (error) {
        // Stored, but its issue not audited: its cards go now, and the worker hears it failed
        // (the failure is logged under this error's name, for whoever keeps the audit).
        if (error instanceof IssueNotAudited) {
          dispatcher.start(error.stored.value, lease);
          throw error;
        }
        if (isDomainError(error, ErrorCodes.storeConflict)) {
          const earlier = await signals.get(id);
          if (earlier && earlier.value.issuedBy === worker.aadObjectId) return { signal: earlier.value, repeated: true };
        }
        if (!isDomainError(error, ErrorCodes.referenceTaken) || attempt >= REFERENCE_TRIES) throw error;
      }
    }
  }

  /**
   * Schools are offered only in municipalities that route directly; leerplicht in every
   * municipality the worker serves (in "leerplicht" municipalities it is the only way).
   */
  private async destinationsOf(worker: Member): Promise<Destinations> {
    const { directory } = this.deps;
    const municipalities = await this.municipalitiesOf(worker);
    const direct = municipalities.filter((m) => m.routing === 'direct').map((m) => m.id);
    const schools = [...(await directory.listSchools(direct))].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return { schools, leerplicht: municipalities };
  }

  /** The municipalities a worker serves, by name. */
  private async municipalitiesOf(worker: Member): Promise<Municipality[]> {
    const found = await Promise.all(workerMunicipalityIds(worker).map((id) => this.deps.directory.getMunicipality(id)));
    return found.filter((m): m is Municipality => m !== undefined).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  private async officersOf(municipalityId: string): Promise<Recipient[]> {
    const officers = await this.deps.directory.listMunicipalityMembers('leerplicht', municipalityId);
    return officers.map((m) => ({ id: m.aadObjectId, name: m.name }));
  }
}

/** The school's contacts as recipients, primary first. */
export async function recipientsAt(directory: DirectoryStore, schoolId: string): Promise<Recipient[]> {
  const contacts = await directory.listSchoolContacts(schoolId);
  return contacts
    .map((m): Recipient => ({
      id: m.aadObjectId,
      name: m.name,
      rank: rolesOf(m, 'school_contact').find((r) => r.schoolId === schoolId)?.rank ?? 'primary',
    }))
    .sort((a, b) => (a.rank === b.rank ? 0 : a.rank === 'primary' ? -1 : 1));
}
