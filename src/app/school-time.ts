import { timePolicyFor } from '../domain/calendar';
import type { Municipality, School } from '../domain/directory';
import type { ScheduleTimes } from '../domain/signal';
import type { DirectoryStore } from '../ports';

/** When a child issued now is forgotten at the latest, and until when support can be recorded. */
export interface ForgetPlan {
  atTheLatest: Date;
  supportClosesAt: Date;
}

/**
 * School time for the use cases: each school's calendar (its region's holidays, its own days off)
 * and its municipality's time policy. With quiet time off (a demo on a Saturday) cards go out at
 * once; the deadlines still follow the calendar.
 */
export class SchoolTime {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly options: { quietTime: boolean } = { quietTime: true },
  ) {}

  /** The deadlines for a signal reaching a school at `reachedAt`, and when its cards may go out. */
  async scheduleAt(school: School, issuedAt: Date, reachedAt: Date, municipality?: Municipality): Promise<ScheduleTimes> {
    const policyOf = municipality ?? (await this.directory.getMunicipality(school.municipalityId));
    const times = timePolicyFor(school, policyOf).timeline(issuedAt, reachedAt);
    return this.options.quietTime ? times : { ...times, deliverAt: reachedAt };
  }

  /** The first moment at or after `at` inside the municipality's working window: when a new message may buzz. */
  async nextWorkingMoment(municipalityId: string, at: Date): Promise<Date> {
    if (!this.options.quietTime) return at;
    return timePolicyFor(undefined, await this.directory.getMunicipality(municipalityId)).nextWorkingMoment(at);
  }

  /**
   * Forgetting follows the school's calendar when the school is known, else the municipality's.
   * It never depends on quiet time: a demo forgets on the same days as production.
   */
  async forgetPlan(school: School | undefined, municipalityId: string, issuedAt: Date): Promise<ForgetPlan> {
    const policy = timePolicyFor(school, await this.directory.getMunicipality(municipalityId));
    return { atTheLatest: policy.forgetAtTheLatest(issuedAt), supportClosesAt: policy.supportClosesAt(issuedAt) };
  }

  /** When the child of a signal picked up at `acknowledgedAt` at `schoolId` is forgotten. */
  async forgetAfterPickUp(schoolId: string | undefined, municipalityId: string, acknowledgedAt: Date): Promise<Date> {
    const school = schoolId ? await this.directory.getSchool(schoolId) : undefined;
    const municipality = await this.directory.getMunicipality(school?.municipalityId ?? municipalityId);
    return timePolicyFor(school, municipality).forgetAfterPickUp(acknowledgedAt);
  }

  /** When a card to a municipality's officers may go out: at once in the working window, else at its start. */
  async officerDeliveryTime(municipalityId: string, now: Date): Promise<Date> {
    if (!this.options.quietTime) return now;
    return timePolicyFor(undefined, await this.directory.getMunicipality(municipalityId)).deliveryTime(now);
  }
}
