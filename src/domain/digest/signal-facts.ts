/**
 * What the weekly figures need of one signal: a few fields of its anonymous record, never the
 * child. Stores read these straight from their documents (SQL json_extract, a Cosmos projection),
 * so a digest over a year of records parses no delivery lists and no identity.
 */
import type { ChildIdentity } from '../child';
import type { Signal, SignalState } from '../signal';
import type { PriorConcern, SupportCategory } from '../support';

export interface SignalFacts {
  id: string;
  municipalityId: string;
  /** The school it is at, or the school that sent it back last; absent when it never reached one. */
  schoolId?: string;
  issuedAt: string;
  /** It went through leerplicht (at issue, or after a school sent it back). */
  viaLeerplicht: boolean;
  state: SignalState;
  /**
   * A card ever reached a contact at a school (Teams confirmed it: it has a message id). Not
   * undone by a later failed update, nor by forgetting the child.
   */
  delivered: boolean;
  /** The acknowledgement target at the school (`schedule.dueAt`): present once it reached a school. */
  dueAt?: string;
  acknowledgedAt?: string;
  /** When support was first recorded. */
  supportRecordedAt?: string;
  /** Empty when no support was recorded. */
  supportCategories: SupportCategory[];
  priorConcern?: PriorConcern;
  /** At least one school answered "niet onze leerling". */
  bounced: boolean;
  /** Leerplicht found no school, or it expired waiting (state `unroutable`). */
  noSchool: boolean;
  escalated: boolean;
  /** Cards that never reached their recipient after all retries (a failed update of a card Teams shows is not one). */
  failedDeliveries: number;
}

/** A record as a store keeps it apart from the identity: the type leaves no way to read the child. */
export type AnonymousSignal = Omit<Signal, 'child'> & { child?: never };

/** The facts of one record; the reference every store's own reading is held to. */
export function factsOf(signal: AnonymousSignal): SignalFacts {
  const schoolId = signal.schoolId ?? signal.bounce?.schoolId;
  return {
    id: signal.id,
    municipalityId: signal.municipalityId,
    ...(schoolId ? { schoolId } : {}),
    issuedAt: signal.issuedAt,
    viaLeerplicht: signal.route === 'leerplicht',
    state: signal.state,
    delivered: signal.deliveries.some((d) => d.role === 'school_contact' && d.activityId !== undefined),
    ...(signal.schedule ? { dueAt: signal.schedule.dueAt } : {}),
    ...(signal.acknowledgement ? { acknowledgedAt: signal.acknowledgement.at } : {}),
    ...(signal.support ? { supportRecordedAt: signal.support.firstRecordedAt } : {}),
    supportCategories: signal.support?.categories ?? [],
    ...(signal.support ? { priorConcern: signal.support.priorConcern } : {}),
    bounced: signal.triedSchoolIds.length > 0,
    noSchool: signal.state === 'unroutable',
    escalated: signal.escalation !== undefined,
    failedDeliveries: signal.deliveries.filter((d) => d.status === 'failed' && d.activityId === undefined).length,
  };
}

/** Compile-time reminder that facts never carry identity fields. */
export type FactsHoldNoChild = Extract<keyof SignalFacts, keyof ChildIdentity | 'child'> extends never ? true : never;
