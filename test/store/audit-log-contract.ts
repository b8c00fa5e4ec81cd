import type { AuditEntry } from '../../src/ports';
import { InvalidDocumentError } from '../../src/store/invalid-document-error';
import type { Stores } from '../../src/store/stores';
import { anAuditEntry } from '../fixtures/audit';
import { PRIMARY_CONTACT_ID } from '../fixtures/directory';

export function auditLogContract(stores: () => Stores): void {
  const audit = () => stores().audit;

  describe('AuditLog', () => {
    it("lists an object's entries oldest first, same-moment entries in the order appended", async () => {
      const morning = '2026-03-03T07:00:00.000Z';
      const issued = anAuditEntry({ origin: 'teams:a:personal-1' });
      const read = anAuditEntry({ at: morning, actorId: PRIMARY_CONTACT_ID, role: 'school_contact', action: 'signal.read' });
      const acknowledged = anAuditEntry({ at: morning, actorId: PRIMARY_CONTACT_ID, role: 'school_contact', action: 'signal.acknowledge' });
      const refused = anAuditEntry({ at: '2026-03-03T07:01:00.000Z', actorId: 'system', role: 'system', result: 'refused' });

      for (const entry of [issued, read, acknowledged, refused]) await audit().append(entry);

      expect(await audit().list('signal-1')).toStrictEqual([issued, read, acknowledged, refused]);
    });

    it("lists only that object's entries; entries about no object are kept but not listed", async () => {
      const mine = anAuditEntry();
      const directoryImport = anAuditEntry({ actorId: 'system', role: 'system', action: 'directory.import' });
      delete directoryImport.objectId;
      await audit().append(anAuditEntry({ objectId: 'signal-2' }));
      await audit().append(mine);
      await audit().append(directoryImport);

      expect(await audit().list('signal-1')).toStrictEqual([mine]);
      expect(await audit().list('signal-3')).toEqual([]);
    });

    it('keeps the role and the correlation id, and an entry of a dropped activity without a role', async () => {
      const shown = anAuditEntry({ actorId: PRIMARY_CONTACT_ID, role: 'school_contact', action: 'card.shown', correlationId: 'lease-1' });
      const dropped = anAuditEntry({ actorId: 'unknown', action: 'activity.message', result: 'refused', correlationId: 'turn-1' });
      delete dropped.role;

      await audit().append(shown);
      await audit().append(dropped);

      expect(await audit().list('signal-1')).toStrictEqual([shown, dropped]);
    });

    it('refuses an entry with a field it does not know, such as a child’s name, and keeps nothing of it', async () => {
      const smuggled = { ...anAuditEntry(), firstName: 'Noor' } as AuditEntry;

      await expect(audit().append(smuggled)).rejects.toThrow(InvalidDocumentError);
      await expect(audit().append(anAuditEntry({ role: 'headmaster' as AuditEntry['role'] }))).rejects.toThrow(InvalidDocumentError);

      expect(await audit().list('signal-1')).toEqual([]);
    });

    describe('retention', () => {
      const day = (n: number) => `2026-03-0${n}T12:00:00.000Z`;

      it('deletes only entries older than the cutoff, oldest first, at most the limit, and says how many', async () => {
        const third = anAuditEntry({ at: day(3) });
        const first = anAuditEntry({ at: day(1), objectId: 'signal-2' });
        const aboutNothing = anAuditEntry({ at: day(2), action: 'directory.import' });
        delete aboutNothing.objectId;
        const atCutoff = anAuditEntry({ at: day(4) });
        // Appended out of time order: age decides, not the order of writing.
        for (const entry of [third, atCutoff, first, aboutNothing]) await audit().append(entry);
        const cutoff = new Date(day(4));

        expect(await audit().purgeBefore(cutoff, 1)).toBe(1);
        expect(await audit().list('signal-2')).toEqual([]);
        expect(await audit().list('signal-1')).toStrictEqual([third, atCutoff]);

        // The entry about no object goes next (it is older than `third`), then `third`.
        expect(await audit().purgeBefore(cutoff, 1)).toBe(1);
        expect(await audit().list('signal-1')).toStrictEqual([third, atCutoff]);
        expect(await audit().purgeBefore(cutoff, 10)).toBe(1);
        expect(await audit().purgeBefore(cutoff, 10)).toBe(0);
        expect(await audit().list('signal-1')).toStrictEqual([atCutoff]);
      });

      it('changes nothing when nothing is old enough', async () => {
        const entry = anAuditEntry({ at: day(5) });
        await audit().append(entry);

        expect(await audit().purgeBefore(new Date(day(5)), 100)).toBe(0);
        expect(await audit().list('signal-1')).toStrictEqual([entry]);
      });
    });

    it('never changes a stored entry: not by appending the same entry again, nor by changing what was listed', async () => {
      const entry = anAuditEntry({ correlationId: 'turn-1' });
      await audit().append(entry);

      const listed = await audit().list('signal-1');
      listed[0]!.result = 'failed';
      listed[0]!.actorId = 'someone-else';
      entry.result = 'refused';
      await audit().append(anAuditEntry({ correlationId: 'turn-1' }));

      // Appending adds a line next to the first; neither the caller's objects nor a second append rewrite it.
      expect(await audit().list('signal-1')).toStrictEqual([anAuditEntry({ correlationId: 'turn-1' }), anAuditEntry({ correlationId: 'turn-1' })]);
    });
  });
}
