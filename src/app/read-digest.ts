import { buildDigest, trendWeeks } from '../domain/digest/build-digest';
import type { Digest } from '../domain/digest/figures';
import { addWeeks, formatIsoWeek, isoWeekOf, weekRange, type IsoWeek } from '../domain/digest/iso-week';
import { DomainError, ErrorCodes, isDomainError } from '../domain/errors';
import type { AuditLog, Clock, DirectoryStore, SignalStore } from '../ports';
import { sourceFields, type RequestSource } from './audit-trail';
import { digestScopeOf, isDigestReader, type DigestScope } from './digest-scope';

export interface ReadDigestDeps {
  signals: SignalStore;
  directory: DirectoryStore;
  audit: AuditLog;
  clock: Clock;
}

export interface DigestForMember {
  digest: Digest;
  scope: DigestScope;
}

/**
 * A manager's or coordinator's weekly figures for their scope, from the anonymous records only:
 * the facts of the scope's municipalities over the trend's 52 weeks, read by index, never an
 * identity. On demand (`overzicht`) the read is audited; the Monday digest is audited as sent.
 */
export class ReadDigest {
  constructor(private readonly deps: ReadDigestDeps) {}

  /** The week before the one `now` falls in: what "last week" means on any day. */
  lastWeek(): IsoWeek {
    return addWeeks(isoWeekOf(this.deps.clock.now()), -1);
  }

  /** For the member's own request; refused (and audited) for anyone without the role. */
  async execute(actorId: string, week: IsoWeek, source: RequestSource = {}): Promise<DigestForMember> {
    const record = (result: 'ok' | 'refused', role: 'manager' | 'coordinator') =>
      this.deps.audit.append({
        at: this.deps.clock.now().toISOString(),
        actorId,
        role,
        action: 'digest.read',
        objectId: formatIsoWeek(week),
        result,
        ...sourceFields(source),
      });
    try {
      const found = await this.forMember(actorId, week);
      await record('ok', found.role);
      return found;
    } catch (error) {
      if (isDomainError(error)) await record('refused', 'manager');
      throw error;
    }
  }

  /**
   * The digest a member receives, whoever asks (the weekly job): refused when they lost the role.
   * `sameScope` lets one run build a scope's figures once for all who share it.
   */
  async forMember(memberId: string, week: IsoWeek, sameScope?: Map<string, Digest>): Promise<DigestForMember & { role: 'manager' | 'coordinator' }> {
    const member = await this.deps.directory.getMember(memberId);
    if (!member) throw new DomainError(ErrorCodes.unknownMember);
    if (!isDigestReader(member)) throw new DomainError(ErrorCodes.roleRequired, { role: 'manager' });
    const scope = await digestScopeOf(this.deps.directory, member);
    const key = JSON.stringify([formatIsoWeek(week), scope.municipalityIds, scope.schoolIds, scope.perSchool]);
    const digest = sameScope?.get(key) ?? (await this.build(scope, week));
    sameScope?.set(key, digest);
    const role = member.roles.some((r) => r.role === 'manager') ? 'manager' : 'coordinator';
    return { digest, scope: await this.withTableNames(scope, digest), role };
  }

  /**
   * The scope with a name for every school on the digest's table: a municipality's child placed
   * by leerplicht at a school of another municipality has a line under that school's name too.
   */
  private async withTableNames(scope: DigestScope, digest: Digest): Promise<DigestScope> {
    const unnamed = (digest.schools ?? []).map((s) => s.schoolId).filter((id) => !(id in scope.schoolNames));
    if (unnamed.length === 0) return scope;
    const found = await Promise.all(unnamed.map((id) => this.deps.directory.getSchool(id)));
    const names = Object.fromEntries(found.filter((s) => s !== undefined).map((s) => [s.id, s.name]));
    return { ...scope, schoolNames: { ...scope.schoolNames, ...names } };
  }

  /**
   * The week's own records in full (its figures and per-school table), the 52 weeks of the trend
   * as counts the store makes itself: a year of a large municipality is never read record by record.
   */
  private async build(scope: DigestScope, week: IsoWeek): Promise<Digest> {
    const { from, to } = weekRange(week);
    const facts = await this.deps.signals.listFactsIssuedBetween(scope, from, to);
    const trendCounts = await this.deps.signals.countWeeklyHeadlines(scope, trendWeeks(week).map(weekRange));
    return buildDigest(facts, week, this.deps.clock.now(), { perSchool: scope.perSchool, trendCounts });
  }
}
