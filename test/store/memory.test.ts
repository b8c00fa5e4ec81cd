import { createMemoryStores } from '../../src/store/memory';
import { InvalidDocumentError } from '../../src/store/invalid-document-error';
import { anAuditEntry } from '../fixtures/audit';
import { SCHOOL_ID, aSchool, aSchoolContact, memberId } from '../fixtures/directory';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', async () => createMemoryStores());

describe('memory stores', () => {
  it("change nothing of an admin's change when one of its audit entries cannot be recorded, as one transaction would", async () => {
    const stores = createMemoryStores();
    await stores.directory.upsertSchools([aSchool()]);
    const unreadable = anAuditEntry({ action: 'directory.school.remove', objectId: SCHOOL_ID, at: 'yesterday' });

    await expect(stores.directory.applyChange({ kind: 'school', put: [aSchool({ id: '78GH00' })], remove: [SCHOOL_ID] }, [unreadable])).rejects.toThrow(InvalidDocumentError);

    expect(await stores.directory.listAllSchools()).toStrictEqual([aSchool()]);
    expect(await stores.audit.list(SCHOOL_ID)).toEqual([]);
  });

  it('link no member when the entry recording the link cannot be written, as one transaction would', async () => {
    const stores = createMemoryStores();
    const placeholder = { ...aSchoolContact(), aadObjectId: 'upn:jan@school.example', email: 'jan@school.example' };
    await stores.directory.upsertMembers([placeholder]);

    await expect(stores.directory.linkMember(placeholder.aadObjectId, memberId(60), () => anAuditEntry({ objectId: memberId(60), at: 'yesterday' }))).rejects.toThrow(InvalidDocumentError);

    expect(await stores.directory.getMember(placeholder.aadObjectId)).toStrictEqual(placeholder);
    expect(await stores.directory.getMember(memberId(60))).toBeUndefined();
  });
});
