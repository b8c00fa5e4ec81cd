import type { Directory } from '../src/domain/directory';

/**
 * Loaded outside production when no directory file is configured and the store holds no member
 * (never over a real directory), so one person can walk the
 * whole flow in the Microsoft 365 Agents Playground: its default user (Alex Wilber) holds every
 * role. Fictional schools; no real people.
 */
export const PLAYGROUND_USER_ID = '00000000-0000-0000-0000-0000000000020';
/**
 * Who `npm run dev`'s tab signs in as: the Playground's user id is no Entra object id (the tab's
 * tokens must carry a GUID), so the tab has a demo person of its own — an admin and manager the
 * bot cannot reach in a chat, as a member added before they ever used the bot.
 */
export const DEMO_TAB_USER_ID = '4a6f7e2b-0d1c-4e5f-8a9b-0c1d2e3f4a5b';

export const demoDirectory: Directory = {
  municipalities: [
    { id: 'GM0917', name: 'Heerlen', routing: 'direct' },
    { id: 'GM0935', name: 'Maastricht', routing: 'direct' },
    { id: 'GM0928', name: 'Kerkrade', routing: 'leerplicht' },
  ],
  schools: [
    { id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' },
    { id: '34CD00', name: 'Kindcentrum De Vlinder', municipalityId: 'GM0917' },
    { id: '56EF00', name: 'Sint-Maartenscollege', municipalityId: 'GM0935' },
    { id: '78GH00', name: 'Basisschool Het Kompas', municipalityId: 'GM0928' },
  ],
  members: [
    {
      aadObjectId: PLAYGROUND_USER_ID,
      name: 'Alex Wilber',
      email: 'alexw@example.com',
      roles: [
        { role: 'vt_worker', municipalityIds: ['GM0917', 'GM0935', 'GM0928'] },
        { role: 'school_contact', schoolId: '12AB00', rank: 'primary' },
        { role: 'school_contact', schoolId: '34CD00', rank: 'primary' },
        { role: 'school_contact', schoolId: '56EF00', rank: 'primary' },
        { role: 'school_contact', schoolId: '78GH00', rank: 'primary' },
        { role: 'leerplicht', municipalityIds: ['GM0917', 'GM0928'] },
        { role: 'coordinator', municipalityIds: ['GM0917'] },
        { role: 'manager', municipalityIds: ['GM0917'], schoolIds: [] },
        { role: 'admin' },
      ],
    },
    {
      aadObjectId: DEMO_TAB_USER_ID,
      name: 'Megan Bowen',
      email: 'meganb@example.com',
      roles: [{ role: 'manager', municipalityIds: ['GM0917'], schoolIds: [] }, { role: 'admin' }],
    },
  ],
};
