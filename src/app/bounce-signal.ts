import { bounce, sendToLeerplicht, type Signal } from '../domain/signal';
import type { DirectoryStore } from '../ports';
import { requireContactOf, requireIssuerOf } from './access';
import { actorOf, type RequestSource } from './audit-trail';
import { changeSignal, type ChangeSignalDeps } from './change-signal';
import { SchoolTime } from './school-time';

export interface BounceSignalDeps extends ChangeSignalDeps {
  directory: DirectoryStore;
  /** The working window: when new messages may go out (quiet time, or none with `{ quietTime: false }`). */
  schoolTime: SchoolTime;
}

/**
 * "Niet onze leerling": a contact sends the signal back — to leerplicht where it came that way,
 * otherwise to the issuing worker, who can then let leerplicht find the school.
 */
export class BounceSignal {
  private readonly schoolTime: SchoolTime;

  constructor(private readonly deps: BounceSignalDeps) {
    this.schoolTime = deps.schoolTime;
  }

  async execute(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    return changeSignal(
      this.deps,
      { ...source, actorId, role: 'school_contact', signalId, action: 'signal.bounce' },
      async (signal) => ({
        contact: await requireContactOf(this.deps.directory, actorId, signal),
        workerName: (await this.deps.directory.getMember(signal.issuedBy))?.name ?? '',
        leerplicht: {
          officers: (await this.deps.directory.listMunicipalityMembers('leerplicht', signal.municipalityId)).map((m) => ({ id: m.aadObjectId, name: m.name })),
          deliverAt: await this.schoolTime.officerDeliveryTime(signal.municipalityId, this.deps.clock.now()),
        },
      }),
      (current, { contact, workerName, leerplicht }, now) =>
        bounce(current, actorOf(contact, source), { id: current.issuedBy, name: workerName }, now, leerplicht),
    );
  }

  /** The issuing worker hands a bounced signal to leerplicht of its municipality. */
  async sendToLeerplicht(actorId: string, signalId: string, source: RequestSource = {}): Promise<Signal> {
    return changeSignal(
      this.deps,
      { ...source, actorId, role: 'vt_worker', signalId, action: 'signal.to_leerplicht' },
      async (signal) => ({
        worker: await requireIssuerOf(this.deps.directory, actorId, signal),
        officers: (await this.deps.directory.listMunicipalityMembers('leerplicht', signal.municipalityId)).map((m) => ({ id: m.aadObjectId, name: m.name })),
        deliverAt: await this.schoolTime.officerDeliveryTime(signal.municipalityId, this.deps.clock.now()),
      }),
      (current, { worker, officers, deliverAt }, now) =>
        sendToLeerplicht(current, actorOf(worker, source), officers, now, deliverAt),
    );
  }
}
