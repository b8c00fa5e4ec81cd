import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';
import type { Member } from '../domain/directory';
import { recordSupport, type Signal } from '../domain/signal';
import { parseSupportInput, type SupportProblem } from '../domain/support';
import type { AuditEntry, AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { requireContactOf } from './access';
import { mutateSignal } from './mutate-signal';
import { readSignalAs } from './read-signal';
import { sameSchoolDay } from './school-day';

export type RecordSupportResult = { ok: true; signal: Signal } | { ok: false; problems: SupportProblem[]; signal: Signal };

export interface RecordSupportDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
}

/** A contact of the signal's school records the support given, as categories; changeable that day. */
export class RecordSupport {
  constructor(private readonly deps: RecordSupportDeps) {}

  /** The signal as a contact of its school may see it, e.g. to show the support form again. Audited. */
  async viewAsContact(actorId: string, signalId: string, origin?: string): Promise<Signal> {
    const { signal } = await readSignalAs(this.deps, { actorId, signalId, action: 'signal.view', origin }, (s) =>
      requireContactOf(this.deps.directory, actorId, s),
    );
    return signal;
  }

  async execute(
    actorId: string,
    input: { signalId: string; categories?: string; priorConcern?: string },
    origin?: string,
  ): Promise<RecordSupportResult> {
    return this.audited<RecordSupportResult>('signal.support', actorId, input.signalId, origin, async () => {
      const { signal, contact } = await this.loadForContact(actorId, input.signalId);
      const parsed = parseSupportInput(input.categories, input.priorConcern);
      if ('problems' in parsed) {
        return { outcome: { ok: false, problems: parsed.problems, signal }, reference: signal.reference, result: 'refused' };
      }
      const now = this.deps.clock.now();
      const { after } = await mutateSignal(this.deps.signals, input.signalId, (current) =>
        recordSupport(current, { id: contact.aadObjectId, name: contact.name }, parsed.value, now, sameSchoolDay),
      );
      return { outcome: { ok: true, signal: after.value }, reference: signal.reference, result: 'ok' };
    });
  }

  private async loadForContact(actorId: string, signalId: string): Promise<{ signal: Signal; contact: Member }> {
    const found = await this.deps.signals.get(signalId);
    if (!found) throw new DomainError(ErrorCodes.signalNotFound, { signalId });
    const contact = await requireContactOf(this.deps.directory, actorId, found.value);
    return { signal: found.value, contact };
  }

  /** Every read and write of a signal leaves an audit entry, refusals included; never the child's data. */
  private async audited<T>(
    action: string,
    actorId: string,
    signalId: string,
    origin: string | undefined,
    work: () => Promise<{ outcome: T; reference: string; result: AuditEntry['result'] }>,
  ): Promise<T> {
    const entry = (result: AuditEntry['result'], objectId: string): AuditEntry => ({
      at: this.deps.clock.now().toISOString(),
      actorId,
      action,
      objectId,
      result,
      ...(origin ? { origin } : {}),
    });
    try {
      const { outcome, reference, result } = await work();
      await this.deps.audit.append(entry(result, reference));
      return outcome;
    } catch (error) {
      if (isDomainError(error)) await this.deps.audit.append(entry('refused', signalId));
      throw error;
    }
  }
}
