import type { Member } from '../../src/domain/directory';
import type { Stores } from '../../src/store/stores';
import {
  BACKUP_CONTACT_ID,
  COORDINATOR_ID,
  LEERPLICHT_OFFICER_ID,
  MUNICIPALITY_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  aConversation,
  aCoordinator,
  aLeerplichtOfficer,
  aMunicipality,
  aSchool,
  aSchoolContact,
  aMember,
  aVtWorker,
  memberId,
} from '../fixtures/directory';
import { anAuditEntry } from '../fixtures/audit';

export function directoryStoreContract(stores: () => Stores): void {
  const directory = () => stores().directory;

  describe('DirectoryStore', () => {
    it('keeps one entry when the same municipality, school and member are upserted twice', async () => {
      for (let i = 0; i < 2; i++) {
        await directory().upsertMunicipalities([aMunicipality()]);
        await directory().upsertSchools([aSchool()]);
        await directory().upsertMembers([aSchoolContact()]);
      }

      expect(await directory().getMunicipality(aMunicipality().id)).toStrictEqual(aMunicipality());
      expect(await directory().listSchools([aMunicipality().id])).toStrictEqual([aSchool()]);
      expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([aSchoolContact()]);
    });

    it('replaces an entry on a later upsert with the same id', async () => {
      await directory().upsertMunicipalities([aMunicipality()]);
      await directory().upsertSchools([aSchool()]);
      await directory().upsertMembers([aVtWorker()]);
      const renamed = {
        municipality: aMunicipality({ name: 'Gemeente Heerlen', routing: 'leerplicht' }),
        school: aSchool({ name: 'IKC De Regenboog' }),
        member: aVtWorker({ name: 'Petra Jansen-Smit', email: 'p.jansen@veiligthuis.example' }),
      };

      await directory().upsertMunicipalities([renamed.municipality]);
      await directory().upsertSchools([renamed.school]);
      await directory().upsertMembers([renamed.member]);

      expect(await directory().getMunicipality(renamed.municipality.id)).toStrictEqual(renamed.municipality);
      expect(await directory().getSchool(renamed.school.id)).toStrictEqual(renamed.school);
      expect(await directory().getMember(renamed.member.aadObjectId)).toStrictEqual(renamed.member);
    });

    it('answers undefined for an unknown municipality, school, member or conversation', async () => {
      expect(await directory().getMunicipality('GM0001')).toBeUndefined();
      expect(await directory().getSchool('99ZZ00')).toBeUndefined();
      expect(await directory().getMember(memberId(404))).toBeUndefined();
      expect(await directory().getConversation(memberId(404))).toBeUndefined();
    });

    it('lists the schools of the given municipalities only, by school id', async () => {
      const heerlen = [aSchool({ id: '30CD00' }), aSchool({ id: '10AB00' })];
      const aaAndHunze = aSchool({ id: '20BC01', municipalityId: 'GM1680' });
      const elsewhere = aSchool({ id: '40EF00', municipalityId: 'GM0363' });
      await directory().upsertSchools([...heerlen, aaAndHunze, elsewhere]);

      expect(await directory().listSchools(['GM0917', 'GM1680'])).toStrictEqual([heerlen[1], aaAndHunze, heerlen[0]]);
      expect(await directory().listSchools([])).toEqual([]);
    });

    it('lists every school, whatever its municipality, by school id', async () => {
      expect(await directory().listAllSchools()).toEqual([]);
      const schools = [
        aSchool({ id: '30CD00' }),
        aSchool({ id: '40EF00', municipalityId: 'GM0363' }),
        aSchool({ id: '10AB00', municipalityId: 'GM1680' }),
      ];
      await directory().upsertSchools(schools);
      await directory().upsertSchools([aSchool({ id: '30CD00', name: 'IKC De Regenboog' })]);

      expect(await directory().listAllSchools()).toStrictEqual([
        schools[2],
        aSchool({ id: '30CD00', name: 'IKC De Regenboog' }),
        schools[1],
      ]);
    });

    it('lists every municipality by id and every member by member id, for the directory page', async () => {
      expect(await directory().listMunicipalities()).toEqual([]);
      expect(await directory().listMembers()).toEqual([]);
      const municipalities = [aMunicipality({ id: 'GM1680', name: 'Aa en Hunze' }), aMunicipality()];
      await directory().upsertMunicipalities(municipalities);
      const members = [aCoordinator(), aSchoolContact(), aVtWorker()];
      await directory().upsertMembers(members);

      expect((await directory().listMunicipalities()).map((m) => m.id)).toStrictEqual([...municipalities.map((m) => m.id)].sort());
      expect((await directory().listMembers()).map((m) => m.aadObjectId)).toStrictEqual(members.map((m) => m.aadObjectId).sort());
      expect(await directory().listMembers()).toContainEqual(aCoordinator());
    });

    it("lists a municipality's leerplicht officers and coordinators apart, by member id", async () => {
      const officer = aLeerplichtOfficer({ municipalityIds: [MUNICIPALITY_ID, 'GM1680'] });
      const coordinator = aCoordinator();
      const otherOfficer = aLeerplichtOfficer({ aadObjectId: memberId(12), municipalityIds: ['GM1680'] });
      const both = aMember({
        aadObjectId: memberId(9),
        name: 'Kees Vroemen',
        roles: [
          { role: 'coordinator', municipalityIds: [MUNICIPALITY_ID] },
          { role: 'leerplicht', municipalityIds: [MUNICIPALITY_ID] },
        ],
      });
      await directory().upsertMembers([coordinator, aVtWorker(), otherOfficer, aSchoolContact(), officer, both]);

      expect(await directory().listMunicipalityMembers('leerplicht', MUNICIPALITY_ID)).toStrictEqual([both, officer]);
      expect(await directory().listMunicipalityMembers('coordinator', MUNICIPALITY_ID)).toStrictEqual([
        both,
        coordinator,
      ]);
      expect(await directory().listMunicipalityMembers('leerplicht', 'GM1680')).toStrictEqual([officer, otherOfficer]);
      expect(await directory().listMunicipalityMembers('coordinator', 'GM1680')).toEqual([]);
      expect(await directory().listMunicipalityMembers('leerplicht', 'GM0363')).toEqual([]);
    });

    it('drops a member from a municipality list once a later upsert removes the role or the municipality', async () => {
      await directory().upsertMembers([
        aLeerplichtOfficer({ municipalityIds: [MUNICIPALITY_ID, 'GM1680'] }),
        aCoordinator({ municipalityIds: [MUNICIPALITY_ID, 'GM1680'] }),
      ]);
      const nowCoordinator = aLeerplichtOfficer({ roles: [{ role: 'coordinator', municipalityIds: [MUNICIPALITY_ID] }] });
      const narrowed = aCoordinator({ municipalityIds: ['GM1680'] });

      await directory().upsertMembers([nowCoordinator, narrowed]);

      expect(await directory().listMunicipalityMembers('leerplicht', MUNICIPALITY_ID)).toEqual([]);
      expect(await directory().listMunicipalityMembers('leerplicht', 'GM1680')).toEqual([]);
      expect(await directory().listMunicipalityMembers('coordinator', MUNICIPALITY_ID)).toStrictEqual([nowCoordinator]);
      expect(await directory().listMunicipalityMembers('coordinator', 'GM1680')).toStrictEqual([narrowed]);
      expect((await directory().getMember(LEERPLICHT_OFFICER_ID))?.roles).toStrictEqual(nowCoordinator.roles);
      expect((await directory().getMember(COORDINATOR_ID))?.roles).toStrictEqual(narrowed.roles);
    });

    it('removes every member not kept, with all their roles, and keeps the others as they were', async () => {
      const stays = aSchoolContact({ id: PRIMARY_CONTACT_ID });
      await directory().upsertMembers([
        stays,
        aSchoolContact({ id: BACKUP_CONTACT_ID, rank: 'backup' }),
        aLeerplichtOfficer(),
        aCoordinator(),
      ]);

      await directory().removeMembersExcept([PRIMARY_CONTACT_ID]);

      expect(await directory().getMember(BACKUP_CONTACT_ID)).toBeUndefined();
      expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([stays]);
      expect(await directory().listMunicipalityMembers('leerplicht', MUNICIPALITY_ID)).toEqual([]);
      expect(await directory().listMunicipalityMembers('coordinator', MUNICIPALITY_ID)).toEqual([]);
      expect(await directory().listAdmins()).toEqual([]);
    });

    it('removes the listed entries of one kind, member roles with them, and leaves the rest; an id not stored is no error', async () => {
      await directory().upsertMunicipalities([aMunicipality(), aMunicipality({ id: 'GM0935', name: 'Maastricht' })]);
      await directory().upsertSchools([aSchool(), aSchool({ id: '56EF00', name: 'Sint-Maartenscollege', municipalityId: 'GM0935' })]);
      const stays = aSchoolContact({ id: PRIMARY_CONTACT_ID });
      await directory().upsertMembers([stays, aSchoolContact({ id: BACKUP_CONTACT_ID, rank: 'backup' }), aLeerplichtOfficer()]);

      await directory().removeEntries('member', [BACKUP_CONTACT_ID, LEERPLICHT_OFFICER_ID, memberId(99)]);
      await directory().removeEntries('school', ['56EF00', '99ZZ00']);
      await directory().removeEntries('municipality', ['GM0935']);

      expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([stays]);
      expect(await directory().listMunicipalityMembers('leerplicht', MUNICIPALITY_ID)).toEqual([]);
      expect((await directory().listAllSchools()).map((s) => s.id)).toEqual([SCHOOL_ID]);
      expect((await directory().listMunicipalities()).map((m) => m.id)).toEqual([MUNICIPALITY_ID]);
      expect((await directory().listMembers()).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID]);
    });

    it("writes an admin's change (entries put, others removed) with the audit entries that record it", async () => {
      await directory().upsertMunicipalities([aMunicipality()]);
      await directory().upsertSchools([aSchool(), aSchool({ id: '56EF00', name: 'Sint-Maartenscollege' })]);
      const renamed = aSchool({ name: 'Basisschool De Regenboog-Zuid' });
      const added = aSchool({ id: '78GH00', name: 'Het Kompas Oost' });
      const entries = [
        anAuditEntry({ action: 'directory.school.change', objectId: SCHOOL_ID, role: 'admin' }),
        anAuditEntry({ action: 'directory.school.add', objectId: '78GH00', role: 'admin' }),
        anAuditEntry({ action: 'directory.school.remove', objectId: '56EF00', role: 'admin' }),
      ];

      await directory().applyChange({ kind: 'school', put: [renamed, added], remove: ['56EF00'] }, entries);

      expect(await directory().listAllSchools()).toStrictEqual([renamed, added]);
      for (const entry of entries) expect(await stores().audit.list(entry.objectId!)).toEqual([entry]);
    });

    it('says whether it holds any member: none when empty or when every member was removed', async () => {
      expect(await directory().hasMembers()).toBe(false);
      // Schools and municipalities alone are no members: nobody would hold a role.
      await directory().upsertMunicipalities([aMunicipality()]);
      await directory().upsertSchools([aSchool()]);
      expect(await directory().hasMembers()).toBe(false);

      await directory().upsertMembers([aSchoolContact(), aVtWorker()]);
      expect(await directory().hasMembers()).toBe(true);

      await directory().removeMembersExcept([]);
      expect(await directory().hasMembers()).toBe(false);
    });

    it('lists the admins, by member id', async () => {
      const admin = aMember({ aadObjectId: memberId(20), roles: [{ role: 'admin' }] });
      await directory().upsertMembers([aSchoolContact(), admin]);
      expect(await directory().listAdmins()).toStrictEqual([admin]);
    });

    it('lists who gets the digest: every manager and coordinator once, whatever their scope, by member id', async () => {
      const coordinator = aCoordinator();
      const municipalityManager = aMember({
        aadObjectId: memberId(21),
        roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID, 'GM1680'], schoolIds: [] }],
      });
      const schoolManager = aMember({ aadObjectId: memberId(8), roles: [{ role: 'manager', municipalityIds: [], schoolIds: [SCHOOL_ID] }] });
      const both = aMember({
        aadObjectId: memberId(9),
        roles: [
          { role: 'coordinator', municipalityIds: [MUNICIPALITY_ID] },
          { role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] },
          { role: 'manager', municipalityIds: [], schoolIds: [SCHOOL_ID] },
        ],
      });
      const admin = aMember({ aadObjectId: memberId(20), roles: [{ role: 'admin' }] });
      expect(await directory().listDigestRecipients()).toEqual([]);
      await directory().upsertMembers([municipalityManager, aVtWorker(), coordinator, admin, both, aSchoolContact(), schoolManager, aLeerplichtOfficer()]);

      expect(await directory().listDigestRecipients()).toStrictEqual([schoolManager, both, coordinator, municipalityManager]);

      const noLongerManager = { ...municipalityManager, roles: [{ role: 'vt_worker' as const, municipalityIds: [MUNICIPALITY_ID] }] };
      await directory().upsertMembers([noLongerManager]);
      await directory().removeMembersExcept([municipalityManager.aadObjectId, coordinator.aadObjectId, both.aadObjectId]);

      expect(await directory().listDigestRecipients()).toStrictEqual([both, coordinator]);
    });

    it('moves a school between municipality lists when an upsert changes its municipality', async () => {
      await directory().upsertSchools([aSchool()]);

      await directory().upsertSchools([aSchool({ municipalityId: 'GM1680' })]);

      expect(await directory().listSchools(['GM0917'])).toEqual([]);
      expect(await directory().listSchools(['GM1680'])).toStrictEqual([aSchool({ municipalityId: 'GM1680' })]);
    });

    it("lists a school's primary and backup contacts, not other schools' contacts or other roles", async () => {
      const primary = aSchoolContact({ rank: 'primary' });
      const backup = aSchoolContact({ rank: 'backup' });
      const otherSchool = aSchoolContact({ id: memberId(5), schoolId: '99ZZ00' });
      await directory().upsertMembers([backup, aVtWorker(), otherSchool, primary]);

      const contacts = await directory().listSchoolContacts(SCHOOL_ID);

      expect(contacts).toStrictEqual([primary, backup]);
      expect(contacts.map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID]);
    });

    it('lists a contact of two schools for both', async () => {
      const both = aSchoolContact();
      both.roles.push({ role: 'school_contact', schoolId: '99ZZ00', rank: 'backup' });
      await directory().upsertMembers([both]);

      expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([both]);
      expect(await directory().listSchoolContacts('99ZZ00')).toStrictEqual([both]);
    });

    it("drops a member from a school's contacts once a later upsert removes that role", async () => {
      await directory().upsertMembers([aSchoolContact({ rank: 'primary' }), aSchoolContact({ rank: 'backup' })]);
      const movedOn = { ...aSchoolContact({ rank: 'backup' }), roles: [{ role: 'admin' as const }] };

      await directory().upsertMembers([movedOn]);

      expect((await directory().listSchoolContacts(SCHOOL_ID)).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID]);
      expect(await directory().getMember(BACKUP_CONTACT_ID)).toStrictEqual(movedOn);
    });

    describe('a member known by address only, until linked', () => {
      const PLACEHOLDER = 'upn:jan@school.example';
      const JAN_ID = memberId(60);
      const jan = (over: Partial<Member> = {}): Member =>
        aMember({
          aadObjectId: PLACEHOLDER,
          name: 'Jan de Vries',
          email: 'Jan@school.example',
          roles: [
            { role: 'school_contact', schoolId: SCHOOL_ID, rank: 'backup' },
            { role: 'leerplicht', municipalityIds: [MUNICIPALITY_ID] },
            { role: 'coordinator', municipalityIds: [MUNICIPALITY_ID] },
            { role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [] },
            { role: 'admin' },
          ],
          ...over,
        });

      it('is listed in the directory but is no recipient: not a school contact, officer, coordinator, admin or digest reader', async () => {
        await directory().upsertMembers([jan(), aSchoolContact()]);

        expect(await directory().getMember(PLACEHOLDER)).toStrictEqual(jan());
        expect((await directory().listMembers()).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID, PLACEHOLDER]);
        expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([aSchoolContact()]);
        expect(await directory().listMunicipalityMembers('leerplicht', MUNICIPALITY_ID)).toEqual([]);
        expect(await directory().listMunicipalityMembers('coordinator', MUNICIPALITY_ID)).toEqual([]);
        expect(await directory().listAdmins()).toEqual([]);
        expect(await directory().listDigestRecipients()).toEqual([]);
      });

      it('is re-keyed to the object id by a link, with name, address and every role, and from then on is a recipient like any member', async () => {
        await directory().upsertMembers([jan(), aSchoolContact()]);

        const linked = await directory().linkMember(PLACEHOLDER, JAN_ID);

        const asLinked = jan({ aadObjectId: JAN_ID });
        expect(linked).toStrictEqual({ before: jan(), after: asLinked });
        expect(await directory().getMember(PLACEHOLDER)).toBeUndefined();
        expect(await directory().getMember(JAN_ID)).toStrictEqual(asLinked);
        expect((await directory().listMembers()).map((m) => m.aadObjectId)).toEqual([PRIMARY_CONTACT_ID, JAN_ID].sort());
        expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([aSchoolContact(), asLinked]);
        expect(await directory().listMunicipalityMembers('leerplicht', MUNICIPALITY_ID)).toStrictEqual([asLinked]);
        expect(await directory().listMunicipalityMembers('coordinator', MUNICIPALITY_ID)).toStrictEqual([asLinked]);
        expect(await directory().listAdmins()).toStrictEqual([asLinked]);
        expect(await directory().listDigestRecipients()).toStrictEqual([asLinked]);
      });

      it('links nothing without such a placeholder, or when the object id is a member already (who stays as they were)', async () => {
        const known = aSchoolContact({ id: JAN_ID });
        await directory().upsertMembers([jan(), known]);

        expect(await directory().linkMember('upn:nobody@school.example', memberId(61))).toBeUndefined();
        expect(await directory().getMember(memberId(61))).toBeUndefined();
        expect(await directory().linkMember(PLACEHOLDER, JAN_ID)).toBeUndefined();
        expect(await directory().getMember(JAN_ID)).toStrictEqual(known);
        expect(await directory().getMember(PLACEHOLDER)).toStrictEqual(jan());
      });

      it('records a link with the entry made from what was linked, and records nothing when there was nothing to link', async () => {
        await directory().upsertMembers([jan()]);
        const recordOf = ({ before, after }: { before: Member; after: Member }) =>
          anAuditEntry({ action: 'directory.member.link', actorId: JAN_ID, objectId: JAN_ID, change: { before: { name: before.name }, after: { name: after.name } } });

        await directory().linkMember(PLACEHOLDER, JAN_ID, recordOf);
        await directory().linkMember(PLACEHOLDER, JAN_ID, recordOf);

        expect(await stores().audit.list(JAN_ID)).toEqual([recordOf({ before: jan(), after: jan({ aadObjectId: JAN_ID }) })]);
      });

      it('is linked once when two instances link at the same moment: the other finds nothing left to link', async () => {
        await directory().upsertMembers([jan()]);

        const results = await Promise.all([directory().linkMember(PLACEHOLDER, JAN_ID), directory().linkMember(PLACEHOLDER, JAN_ID)]);

        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        expect((await directory().listMembers()).map((m) => m.aadObjectId)).toEqual([JAN_ID]);
        expect(await directory().listSchoolContacts(SCHOOL_ID)).toStrictEqual([jan({ aadObjectId: JAN_ID })]);
      });
    });

    it("saves, reads and overwrites a member's conversation address", async () => {
      const first = aConversation();
      const moved = aConversation({
        conversationId: 'a:personal-new',
        serviceUrl: 'https://smba.trafficmanager.net/nl/',
        updatedAt: '2026-03-05T10:00:00.000Z',
      });
      const other = aConversation({ memberId: BACKUP_CONTACT_ID });

      await directory().saveConversation(first);
      await directory().saveConversation(other);
      expect(await directory().getConversation(PRIMARY_CONTACT_ID)).toStrictEqual(first);

      await directory().saveConversation(moved);
      expect(await directory().getConversation(PRIMARY_CONTACT_ID)).toStrictEqual(moved);
      expect(await directory().getConversation(BACKUP_CONTACT_ID)).toStrictEqual(other);
    });

    it('lists the members it can write to in one read: a chat stored and not marked unreachable, by member id', async () => {
      await directory().saveConversation(aConversation({ memberId: BACKUP_CONTACT_ID }));
      await directory().saveConversation(aConversation());
      await directory().saveConversation(aConversation({ memberId: COORDINATOR_ID, inactiveSince: '2026-03-05T10:00:00.000Z' }));

      expect(await directory().listReachableMemberIds()).toEqual([PRIMARY_CONTACT_ID, BACKUP_CONTACT_ID].sort());
    });
  });
}
