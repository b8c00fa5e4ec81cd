import { referenceFrom } from '../../../src/app/read-audit-trail';
import { ErrorCodes } from '../../../src/domain/errors';
import type { Signal } from '../../../src/domain/signal';
import { anAuditEntry } from '../../fixtures/audit';
import { aMember, memberId } from '../../fixtures/directory';
import { PRIMARY_CONTACT_ID, VT_WORKER_ID, aSchoolDirectory, aSignalForm } from '../../fixtures/school-directory';
import { createCore, type Core } from '../../support/core-harness';
import { MINUTE } from '../../support/fixed-clock';
import { expectDomainError } from '../../store/expect-domain-error';

const ADMIN_ID = memberId(20);

async function deliveredSignal(core: Core): Promise<Signal> {
  const result = await core.issueSignal.execute(VT_WORKER_ID, [aSignalForm()]);
  if (!result.ok) throw new Error(`could not issue: ${JSON.stringify(result.errors)}`);
  await core.idle();
  return core.stored(result.issued[0]!.signal.id);
}

describe('ReadAuditTrail', () => {
  let core: Core;
  let signal: Signal;
  beforeEach(async () => {
    const directory = aSchoolDirectory();
    directory.members.push(aMember({ aadObjectId: ADMIN_ID, name: 'Ans Beheer', roles: [{ role: 'admin' }] }));
    core = await createCore({ directory });
    signal = await deliveredSignal(core);
    core.clock.advance(10 * MINUTE);
    await core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signal.id, await core.pressOnCard(signal.id, PRIMARY_CONTACT_ID));
  });

  it("gives an admin the signal's entries newest first: by reference, and by id while the signal exists", async () => {
    // A request that named the signal by id only, e.g. one refused before the signal was read.
    core.clock.advance(MINUTE);
    await core.audit.append(anAuditEntry({ at: core.clock.now().toISOString(), objectId: signal.id, action: 'signal.view', result: 'refused' }));

    const trail = await core.readAuditTrail.execute(ADMIN_ID, signal.reference);

    if (trail.kind !== 'found') throw new Error(`expected the trail, got ${trail.kind}`);
    expect(trail.entries.map((e) => [e.action, e.objectId])).toEqual([
      ['signal.view', signal.id],
      ['signal.acknowledge', signal.reference],
      ['card.shown', signal.reference],
      ['card.shown', signal.reference],
      ['signal.issue', signal.reference],
    ]);
    expect(trail.total).toBe(5);
  });

  it("never joins an earlier child's entries to this trail when a purged record's code was given again", async () => {
    // The same code, a year earlier, about a signal whose record retention has since deleted.
    const earlier = new Date(Date.parse(signal.issuedAt) - 365 * 24 * 60 * MINUTE).toISOString();
    await core.audit.append(anAuditEntry({ at: earlier, objectId: signal.reference, action: 'signal.issue', result: 'ok' }));

    const trail = await core.readAuditTrail.execute(ADMIN_ID, signal.reference);

    if (trail.kind !== 'found') throw new Error(`expected the trail, got ${trail.kind}`);
    expect(trail.entries.every((e) => e.at >= signal.issuedAt)).toBe(true);
    expect(trail.total).toBe(4);
  });

  it('shows at most the limit, newest first, and counts them all', async () => {
    const trail = await core.readAuditTrail.execute(ADMIN_ID, signal.reference, {}, 2);

    if (trail.kind !== 'found') throw new Error(`expected the trail, got ${trail.kind}`);
    expect(trail.entries.map((e) => e.action)).toEqual(['signal.acknowledge', 'card.shown']);
    expect(trail.total).toBe(4);
  });

  it('audits the read itself, as the admin, with where from and which turn', async () => {
    await core.readAuditTrail.execute(ADMIN_ID, signal.reference.toLowerCase(), { origin: 'msteams:a:admin', correlationId: 'turn-7' });

    expect(core.audit.all.at(-1)).toEqual({
      at: core.clock.now().toISOString(),
      actorId: ADMIN_ID,
      role: 'admin',
      action: 'audit.read',
      objectId: signal.reference,
      result: 'ok',
      origin: 'msteams:a:admin',
      correlationId: 'turn-7',
    });
  });

  it('refuses anyone who is not an admin, and audits the refusal', async () => {
    await expectDomainError(core.readAuditTrail.execute(PRIMARY_CONTACT_ID, signal.reference), ErrorCodes.roleRequired);

    expect(core.audit.all.at(-1)).toMatchObject({ actorId: PRIMARY_CONTACT_ID, role: 'admin', action: 'audit.read', objectId: signal.reference, result: 'refused' });
  });

  it('says a code is unknown when no signal has it, however often an admin looked it up', async () => {
    expect(await core.readAuditTrail.execute(ADMIN_ID, 'HWC-ZZZZ')).toEqual({ kind: 'unknown', reference: 'HWC-ZZZZ' });
    expect(await core.readAuditTrail.execute(ADMIN_ID, 'HWC-ZZZZ')).toEqual({ kind: 'unknown', reference: 'HWC-ZZZZ' });
    expect(core.audit.all.filter((e) => e.objectId === 'HWC-ZZZZ').map((e) => e.result)).toEqual(['refused', 'refused']);
  });

  it('shows the trail of a code no signal has any more, as long as the trail names it', async () => {
    await core.audit.append(anAuditEntry({ objectId: 'HWC-GN2W' }));

    expect(await core.readAuditTrail.execute(ADMIN_ID, 'HWC-GN2W')).toMatchObject({ kind: 'found', total: 1 });
  });

  it('answers something that is not a reference code as such, reading nothing', async () => {
    const before = core.audit.all.length;

    expect(await core.readAuditTrail.execute(ADMIN_ID, 'Noor')).toEqual({ kind: 'invalid' });
    expect(await core.readAuditTrail.execute(ADMIN_ID, undefined)).toEqual({ kind: 'invalid' });
    expect(core.audit.all.length).toBe(before);
  });
});

describe('reading a typed reference code', () => {
  it.each([
    ['HWC-7F3K', 'HWC-7F3K'],
    ['hwc-7f3k', 'HWC-7F3K'],
    [' 7f3k ', 'HWC-7F3K'],
  ])('reads %j as %s', (typed, reference) => {
    expect(referenceFrom(typed)).toBe(reference);
  });

  it.each(['HWC-7F3', 'HWC-7F3KXY', 'HWC-0O1I', 'XYZ-7F3K', 'HWC 7F3K', '', undefined])('reads %j as no code', (typed) => {
    expect(referenceFrom(typed)).toBeUndefined();
  });
});
