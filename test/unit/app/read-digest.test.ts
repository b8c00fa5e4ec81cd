/**
 * Whose records a manager's figures count. A school-scoped manager (a school board, a director)
 * steers on every child their school was asked to support, wherever the signal was issued: a child
 * of Heerlen that leerplicht placed at a school in Maastricht is on that school's figures.
 */
import { memberId, aMember } from '../../fixtures/directory';
import {
  LEERPLICHT_OFFICER_ID,
  MUNICIPALITY_ID,
  OTHER_MUNICIPALITY_ID,
  OTHER_SCHOOL_CONTACT_ID,
  OTHER_SCHOOL_ID,
  VT_WORKER_ID,
  aRoutingDirectory,
  aSignalForm,
} from '../../fixtures/school-directory';
import { isoWeekOf } from '../../../src/domain/digest/iso-week';
import { createCore, type Core } from '../../support/core-harness';
import { MINUTE } from '../../support/fixed-clock';

const SCHOOL_MANAGER_ID = memberId(40);
const MAASTRICHT_MANAGER_ID = memberId(41);
const HEERLEN_MANAGER_ID = memberId(42);
// Wednesday 18 November 2026, in week 47.
const WEDNESDAY = new Date('2026-11-18T10:00:00+01:00');
const WEEK_47 = isoWeekOf(WEDNESDAY);

describe('ReadDigest: a scope counts the records it is responsible for', () => {
  let core: Core;

  beforeEach(async () => {
    const directory = aRoutingDirectory();
    directory.members.push(
      aMember({ aadObjectId: SCHOOL_MANAGER_ID, name: 'Ilse Coenen', roles: [{ role: 'manager', municipalityIds: [], schoolIds: [OTHER_SCHOOL_ID] }] }),
      aMember({ aadObjectId: MAASTRICHT_MANAGER_ID, name: 'Ruud Pieters', roles: [{ role: 'manager', municipalityIds: [OTHER_MUNICIPALITY_ID], schoolIds: [] }] }),
      aMember({ aadObjectId: HEERLEN_MANAGER_ID, name: 'Marloes Kuipers', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] }] }),
    );
    core = await createCore({ now: WEDNESDAY, directory });
    // Heerlen's worker hands the child to Heerlen's leerplicht, which finds the school in Maastricht.
    const issued = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm({ schoolId: `leerplicht:${MUNICIPALITY_ID}` })]);
    if (!issued.ok) throw new Error('could not issue');
    const signalId = issued.issued[0]!.signal.id;
    await core.idle();
    const routed = await core.routeSignal.forward(LEERPLICHT_OFFICER_ID, signalId, OTHER_SCHOOL_ID);
    if (!routed.ok) throw new Error('could not forward');
    await core.idle();
    core.clock.advance(30 * MINUTE);
    await core.acknowledgeSignal.execute(OTHER_SCHOOL_CONTACT_ID, signalId);
    core.clock.advance(60 * MINUTE);
    const supported = await core.recordSupport.execute(OTHER_SCHOOL_CONTACT_ID, { signalId, categories: 'listening_ear', priorConcern: 'no' });
    if (!supported.ok) throw new Error('could not record support');
    await core.idle();
  });

  it("counts a signal leerplicht of another municipality placed at the school in the school manager's week and trend", async () => {
    const { digest, scope } = await core.readDigest.execute(SCHOOL_MANAGER_ID, WEEK_47);

    expect(scope.schoolIds).toEqual([OTHER_SCHOOL_ID]);
    expect(digest.figures.issued).toBe(1);
    expect(digest.figures.supportedWithin48h).toEqual({ numerator: 1, denominator: 1 });
    expect(digest.lastYear.at(-1)).toEqual({ week: WEEK_47, supportedWithin48h: { numerator: 1, denominator: 1 } });
  });

  it('keeps a municipality scope to the signals of its own municipality: Heerlen counts its child, at a school named in its table; Maastricht does not', async () => {
    const heerlen = await core.readDigest.execute(HEERLEN_MANAGER_ID, WEEK_47);
    const maastricht = await core.readDigest.execute(MAASTRICHT_MANAGER_ID, WEEK_47);

    expect(heerlen.digest.figures.issued).toBe(1);
    expect(heerlen.digest.schools?.map((s) => s.schoolId)).toEqual([OTHER_SCHOOL_ID]);
    // The school is in Maastricht, outside Heerlen's own schools: its line still carries its name.
    expect(heerlen.scope.schoolNames[OTHER_SCHOOL_ID]).toBe('Sint-Maartenscollege');
    expect(maastricht.digest.figures.issued).toBe(0);
    expect(maastricht.digest.lastYear.at(-1)?.supportedWithin48h).toEqual({ numerator: 0, denominator: 0 });
  });
});
