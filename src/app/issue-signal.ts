import { amsterdamDay } from '../domain/calendar-date';
import { checkBirthDate, checkName, type ChildIdentity } from '../domain/child';
import { rolesOf, workerMunicipalityIds, type Member, type School } from '../domain/directory';
import { ErrorCodes, isDomainError } from '../domain/errors';
import { newReferenceCode } from '../domain/reference-code';
import { issueSignal, leaseDueDeliveries, type Recipient, type Signal } from '../domain/signal';
import type { AuditLog, Clock, DirectoryStore, Random, SignalStore } from '../ports';
import { requireRole } from './access';
import type { Dispatcher } from './dispatcher';

export type SignalField = 'firstName' | 'lastName' | 'birthDate' | 'schoolId';
export type SignalFieldProblem =
  | 'required'
  | 'tooLong'
  | 'characters'
  | 'invalid'
  | 'tooYoung'
  | 'tooOld'
  | 'notAllowed'
  | 'noContacts';

export type SignalInput = Partial<Record<SignalField, string>>;

export type IssueSignalResult =
  | { ok: false; errors: Partial<Record<SignalField, SignalFieldProblem>> }
  | { ok: true; signal: Signal; school: School; contactCount: number; repeated: boolean };

const REFERENCE_TRIES = 10;

export interface IssueSignalDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  dispatcher: Dispatcher;
  clock: Clock;
  random: Random;
}

/** A Veilig Thuis worker issues a signal for one child; the school's contacts receive it. */
export class IssueSignal {
  constructor(private readonly deps: IssueSignalDeps) {}

  /** The schools a worker may choose from: those in the municipalities they serve. */
  async schoolsFor(actorId: string): Promise<School[]> {
    const worker = await requireRole(this.deps.directory, actorId, 'vt_worker');
    return this.schoolsOf(worker);
  }

  /**
   * `submissionId` identifies one press of Verstuur on one form (the bot derives it from the
   * form's message): it becomes the signal's id, so a double click or a Teams retry finds the
   * signal already issued instead of issuing it twice.
   */
  async execute(actorId: string, input: SignalInput, origin?: string, submissionId?: string): Promise<IssueSignalResult> {
    const { directory, clock } = this.deps;
    const worker = await requireRole(directory, actorId, 'vt_worker');
    const now = clock.now();
    const errors: Partial<Record<SignalField, SignalFieldProblem>> = {};

    const firstName = checkName(input.firstName);
    if ('problem' in firstName) errors.firstName = firstName.problem;
    const lastName = checkName(input.lastName);
    if ('problem' in lastName) errors.lastName = lastName.problem;
    const birthDate = checkBirthDate(input.birthDate, amsterdamDay(now));
    if ('problem' in birthDate) errors.birthDate = birthDate.problem;

    const school = input.schoolId ? (await this.schoolsOf(worker)).find((s) => s.id === input.schoolId) : undefined;
    if (!input.schoolId) errors.schoolId = 'required';
    else if (!school) errors.schoolId = 'notAllowed';
    const recipients = school ? await this.recipientsAt(school.id) : [];
    if (school && recipients.length === 0) errors.schoolId = 'noContacts';

    const invalid = Object.keys(errors).length > 0;
    if (invalid || !school || 'problem' in firstName || 'problem' in lastName || 'problem' in birthDate) {
      return { ok: false, errors };
    }

    const child: ChildIdentity = { firstName: firstName.value, lastName: lastName.value, birthDate: birthDate.value };
    const { signal, repeated } = await this.store(worker, child, school, recipients, now, submissionId);
    if (repeated) return { ok: true, signal, school, contactCount: recipients.length, repeated };
    await this.deps.audit.append({
      at: now.toISOString(),
      actorId,
      action: 'signal.issue',
      objectId: signal.reference,
      result: 'ok',
      ...(origin ? { origin } : {}),
    });
    return { ok: true, signal, school, contactCount: recipients.length, repeated };
  }

  private async store(
    worker: Member,
    child: ChildIdentity,
    school: School,
    recipients: Recipient[],
    now: Date,
    submissionId: string | undefined,
  ): Promise<{ signal: Signal; repeated: boolean }> {
    const { signals, dispatcher, random } = this.deps;
    const lease = dispatcher.lease(now);
    const id = submissionId ?? random.uuid();
    for (let attempt = 1; ; attempt++) {
      const signal = leaseDueDeliveries(
        issueSignal({
          id,
          reference: newReferenceCode((max) => random.int(max)),
          child,
          municipalityId: school.municipalityId,
          schoolId: school.id,
          issuedBy: worker.aadObjectId,
          recipients,
          now,
        }),
        now,
        lease.until,
      );
      try {
        const stored = await signals.create(signal);
        dispatcher.start(stored.value, lease.until);
        return { signal: stored.value, repeated: false };
      } catch (error) {
        if (isDomainError(error, ErrorCodes.storeConflict)) {
          const earlier = await signals.get(id);
          if (earlier && earlier.value.issuedBy === worker.aadObjectId) return { signal: earlier.value, repeated: true };
        }
        if (!isDomainError(error, ErrorCodes.referenceTaken) || attempt >= REFERENCE_TRIES) throw error;
      }
    }
  }

  private async schoolsOf(worker: Member): Promise<School[]> {
    const schools = await this.deps.directory.listSchools(workerMunicipalityIds(worker));
    return [...schools].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  private async recipientsAt(schoolId: string): Promise<Recipient[]> {
    const contacts = await this.deps.directory.listSchoolContacts(schoolId);
    return contacts.map((m) => ({
      id: m.aadObjectId,
      name: m.name,
      rank: rolesOf(m, 'school_contact').find((r) => r.schoolId === schoolId)?.rank ?? 'primary',
    }));
  }
}
