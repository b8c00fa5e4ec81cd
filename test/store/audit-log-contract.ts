import type { Stores } from '../../src/store/stores';
import { anAuditEntry } from '../fixtures/audit';
import { PRIMARY_CONTACT_ID } from '../fixtures/directory';

export function auditLogContract(stores: () => Stores): void {
  const audit = () => stores().audit;

  describe('AuditLog', () => {
    it("lists an object's entries oldest first, same-moment entries in the order appended", async () => {
      const morning = '2026-03-03T07:00:00.000Z';
      const issued = anAuditEntry({ origin: 'teams:a:personal-1' });
      const read = anAuditEntry({ at: morning, actorId: PRIMARY_CONTACT_ID, action: 'signal.read' });
      const acknowledged = anAuditEntry({ at: morning, actorId: PRIMARY_CONTACT_ID, action: 'signal.acknowledge' });
      const refused = anAuditEntry({ at: '2026-03-03T07:01:00.000Z', actorId: 'system', result: 'refused' });

      for (const entry of [issued, read, acknowledged, refused]) await audit().append(entry);

      expect(await audit().list('signal-1')).toStrictEqual([issued, read, acknowledged, refused]);
    });

    it("lists only that object's entries; entries about no object are kept but not listed", async () => {
      const mine = anAuditEntry();
      const directoryImport = anAuditEntry({ actorId: 'system', action: 'directory.import' });
      delete directoryImport.objectId;
      await audit().append(anAuditEntry({ objectId: 'signal-2' }));
      await audit().append(mine);
      await audit().append(directoryImport);

      expect(await audit().list('signal-1')).toStrictEqual([mine]);
      expect(await audit().list('signal-3')).toEqual([]);
    });
  });
}
