import { recordSupport, type Signal } from '../domain/signal';
import { parseSupportInput, type SupportProblem } from '../domain/support';
import type { DirectoryStore } from '../ports';
import { requireContactOf, requirePickedUpBy } from './access';
import { actorOf, type RequestSource } from './audit-trail';
import { changeSignal, type ChangeSignalDeps } from './change-signal';
import { readSignalAs } from './read-signal';

export type RecordSupportResult = { ok: true; signal: Signal } | { ok: false; problems: SupportProblem[]; signal: Signal };

export interface RecordSupportDeps extends ChangeSignalDeps {
  directory: DirectoryStore;
}

/**
 * The contact who picked the signal up records the support given, as categories; changeable that
 * day. Nobody else at the school sees or changes it.
 */
export class RecordSupport {
  constructor(private readonly deps: RecordSupportDeps) {}

  /**
   * The signal as any contact of its school may see it: who picked it up and when (a colleague
   * who was a moment later is told). Audited.
   */
  async viewAsContact(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    const { signal } = await readSignalAs(this.deps, { ...source, actorId, role: 'school_contact', signalId, action: 'signal.view' }, (s) =>
      requireContactOf(this.deps.directory, actorId, s),
    );
    return signal;
  }

  /** The signal as the contact who picked it up sees it, to show the support form again. Audited. */
  async viewAsSupporter(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    const { signal } = await readSignalAs(this.deps, { ...source, actorId, role: 'school_contact', signalId, action: 'signal.view' }, (s) =>
      requirePickedUpBy(this.deps.directory, actorId, s),
    );
    return signal;
  }

  async execute(
    actorId: string,
    input: { signalId: string; categories?: string; priorConcern?: string },
    source: RequestSource = {},
  ): Promise<RecordSupportResult> {
    const parsed = parseSupportInput(input.categories, input.priorConcern);
    if ('problems' in parsed) {
      // The form comes back with what is missing; showing it again is a read of the signal.
      return { ok: false, problems: parsed.problems, signal: await this.viewAsSupporter(actorId, input.signalId, source) };
    }
    const signal = await changeSignal(
      this.deps,
      { ...source, actorId, role: 'school_contact', signalId: input.signalId, action: 'signal.support' },
      (current) => requirePickedUpBy(this.deps.directory, actorId, current),
      (current, contact, now) => recordSupport(current, actorOf(contact, source), parsed.value, now),
    );
    return { ok: true, signal };
  }
}
