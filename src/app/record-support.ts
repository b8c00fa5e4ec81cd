import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';
import { recordSupport, type Signal } from '../domain/signal';
import { parseSupportInput, type SupportProblem } from '../domain/support';
import type { AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { requireContactOf } from './access';
import { mutateSignal } from './mutate-signal';
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

  /** The signal as a contact of its school may see it, e.g. to show the support form again. */
  async viewAsContact(actorId: string, signalId: string): Promise<Signal> {
    const found = await this.deps.signals.get(signalId);
    if (!found) throw new DomainError(ErrorCodes.signalNotFound, { signalId });
    await requireContactOf(this.deps.directory, actorId, found.value);
    return found.value;
  }

  async execute(
    actorId: string,
    input: { signalId: string; categories?: string; priorConcern?: string },
    origin?: string,
  ): Promise<RecordSupportResult> {
    const { signals, directory, audit, clock } = this.deps;
    const signal = await this.viewAsContact(actorId, input.signalId);
    const parsed = parseSupportInput(input.categories, input.priorConcern);
    if ('problems' in parsed) return { ok: false, problems: parsed.problems, signal };
    const contact = await requireContactOf(directory, actorId, signal);
    const now = clock.now();
    const audited = (result: 'ok' | 'refused') =>
      audit.append({ at: now.toISOString(), actorId, action: 'signal.support', objectId: signal.reference, result, ...(origin ? { origin } : {}) });
    try {
      const { after } = await mutateSignal(signals, input.signalId, (current) =>
        recordSupport(current, { id: contact.aadObjectId, name: contact.name }, parsed.value, now, sameSchoolDay),
      );
      await audited('ok');
      return { ok: true, signal: after.value };
    } catch (error) {
      if (isDomainError(error)) await audited('refused');
      throw error;
    }
  }
}
