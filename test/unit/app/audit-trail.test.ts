/**
 * A request for a signal that does not exist is refused and audited. The signal id it came with is
 * card data, so it could be any text: it is recorded only when it has the shape ids are made in.
 */
import { isSignalIdShaped } from '../../../src/app/audit-trail';
import { ErrorCodes } from '../../../src/domain/errors';
import { BotHarness } from '../../support/bot-harness';
import { PRIMARY_CONTACT_ID, aSchoolDirectory } from '../../fixtures/school-directory';
import { createCore } from '../../support/core-harness';
import { expectDomainError } from '../../store/expect-domain-error';

const RANDOM_ID = 'b3f1c9e2-4a5d-4f60-9c1e-2d7a8b6c5e4f';
/** bot/submission-id.ts: version 8, RFC variant. */
const SUBMISSION_ID = '0c3e2b1a-9f8d-8e7c-a6b5-4c3d2e1f0a9b';

describe('the object a refused request is audited under', () => {
  it.each([
    ['a random UUID (random.uuid())', RANDOM_ID, true],
    ['a submission id (bot/submission-id.ts)', SUBMISSION_ID, true],
    ['a name typed into card data', 'Noor van Dijk', false],
    ['a UUID of another version', 'b3f1c9e2-4a5d-1f60-9c1e-2d7a8b6c5e4f', false],
    ['a UUID in capitals (ids are made lower case)', RANDOM_ID.toUpperCase(), false],
    ['a UUID with something around it', ` ${RANDOM_ID}`, false],
    ['a reference code', 'HWC-7F3K', false],
  ])('%s (%j) is recorded: %s', (_what, id, recorded) => {
    expect(isSignalIdShaped(id)).toBe(recorded);
  });

  it.each([
    ['Noor van Dijk', undefined],
    [RANDOM_ID, RANDOM_ID],
    [SUBMISSION_ID, SUBMISSION_ID],
  ])('a change asked for signal %j is refused and audited with objectId %j', async (signalId, objectId) => {
    const core = await createCore({ directory: aSchoolDirectory() });
    await expectDomainError(core.acknowledgeSignal.execute(PRIMARY_CONTACT_ID, signalId), ErrorCodes.signalNotFound);
    await expectDomainError(core.recordSupport.viewAsContact(PRIMARY_CONTACT_ID, signalId), ErrorCodes.signalNotFound);

    expect(core.audit.all).toHaveLength(2);
    for (const entry of core.audit.all) {
      expect(entry.result).toBe('refused');
      expect(entry.objectId).toBe(objectId);
      if (objectId === undefined) expect(entry).not.toHaveProperty('objectId');
    }
  });

  it('keeps a free-text signal id out of the log line of the refusal too', async () => {
    const hwc = await BotHarness.create({ directory: aSchoolDirectory() });
    await hwc.press({ aadObjectId: PRIMARY_CONTACT_ID, name: 'Anouk de Wit' }, 'signal.acknowledge', { signalId: 'Noor van Dijk' });
    expect(hwc.core.logger.json).not.toContain('Noor');
    expect(hwc.core.audit.json).not.toContain('Noor');
    await hwc.press({ aadObjectId: PRIMARY_CONTACT_ID, name: 'Anouk de Wit' }, 'signal.acknowledge', { signalId: RANDOM_ID });
    expect(hwc.core.logger.json).toContain(RANDOM_ID);
  });
});
