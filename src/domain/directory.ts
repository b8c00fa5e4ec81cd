import { z } from 'zod';
import {
  calendarDaySchema,
  holidayRegionSchema,
  schoolHolidaySchema,
  schoolWeekdaySchema,
  timePolicyOverridesSchema,
} from './calendar/schemas';

/** CBS municipality code, e.g. GM0917. */
const municipalityId = z.string().regex(/^GM\d{4}$/, 'a CBS code such as GM0917');
/** BRIN code (4 characters) with an optional 2-digit location, e.g. 12AB or 12AB00. */
const schoolId = z.string().regex(/^[0-9]{2}[A-Z]{2}([0-9]{2})?$/, 'a BRIN code such as 12AB00');
/**
 * An Entra object id. Checked by shape rather than as a strict RFC 4122 UUID: Teams sends
 * Entra's GUIDs, and the Agents Playground's test users carry GUID-like ids of the same form.
 */
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12,13}$/i;

/**
 * A member an admin knows only by e-mail address or UPN is kept under a placeholder key made of
 * that address, until their first contact (the tab's sign-in, a message to the bot) names their
 * Entra object id and the store re-keys them (`DirectoryStore.linkMember`). The key stands where
 * an object id stands, so every store's role tables serve both alike; nothing is ever sent to a
 * placeholder, since Teams addresses people by object id only.
 */
const PLACEHOLDER_PREFIX = 'upn:';
const address = z.email();

/** The placeholder key for an e-mail address or UPN (any case), or undefined when it is not one. */
export function placeholderIdOf(emailOrUpn: string): string | undefined {
  const parsed = address.safeParse(emailOrUpn.trim().toLowerCase());
  return parsed.success ? `${PLACEHOLDER_PREFIX}${parsed.data}` : undefined;
}

/** Whether a member id is a placeholder (an address) rather than an Entra object id. */
export function isPlaceholderId(id: string): boolean {
  return id.startsWith(PLACEHOLDER_PREFIX);
}

/** A member the bot can write to: known by their Entra object id, not only by an address. */
export function isLinked(member: Member): boolean {
  return !isPlaceholderId(member.aadObjectId);
}

/** The address a placeholder key stands for. */
export function addressOfPlaceholder(id: string): string {
  return id.slice(PLACEHOLDER_PREFIX.length);
}

/**
 * The key a member is kept under: their object id when one is given (in lower case), else the
 * placeholder of their address; '' when neither is usable (the schema then says why).
 */
export function memberKeyOf(aadObjectId: string | undefined, address: string | undefined): string {
  const id = aadObjectId?.trim() ?? '';
  if (id !== '') return id.toLowerCase();
  return (address && placeholderIdOf(address)) || '';
}

/** A member's key: an Entra object id, or the placeholder of an address; in lower case either way. */
const memberKey = z
  .string()
  .transform((id) => id.trim().toLowerCase())
  .refine((id) => ENTRA_OBJECT_ID.test(id) || (isPlaceholderId(id) && placeholderIdOf(addressOfPlaceholder(id)) === id), 'an Entra object id (a GUID), or no id and an e-mail address');
export const municipalitySchema = z.object({
  id: municipalityId,
  name: z.string().trim().min(1).max(100),
  /** `leerplicht`: every signal goes through the attendance officer first. */
  routing: z.enum(['direct', 'leerplicht']).default('direct'),
  /** School holiday region (noord / midden / zuid); absent: midden (see calendar/schemas.ts). */
  holidayRegion: holidayRegionSchema.optional(),
  /** Overrides of the default time policy (08:30, window 07:00–20:00, …); absent: the defaults. */
  timePolicy: timePolicyOverridesSchema.optional(),
});

export const schoolSchema = z.object({
  id: schoolId,
  name: z.string().trim().min(1).max(150),
  municipalityId,
  /** The school's own closed periods; they add to the region's advised holidays. */
  holidays: z.array(schoolHolidaySchema).max(100).optional(),
  /** Weekdays that are school days although the region's advice says holiday (a shifted holiday). */
  schoolDays: z.array(schoolWeekdaySchema).max(366).optional(),
  /** The school's own days off (study days). */
  daysOff: z.array(calendarDaySchema).max(366).optional(),
});

export const roleSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('vt_worker'), municipalityIds: z.array(municipalityId).min(1) }),
  z.object({
    role: z.literal('school_contact'),
    schoolId,
    rank: z.enum(['primary', 'backup']).default('primary'),
  }),
  z.object({ role: z.literal('leerplicht'), municipalityIds: z.array(municipalityId).min(1) }),
  z.object({ role: z.literal('coordinator'), municipalityIds: z.array(municipalityId).min(1) }),
  z.object({
    role: z.literal('manager'),
    municipalityIds: z.array(municipalityId).default([]),
    schoolIds: z.array(schoolId).default([]),
  }),
  z.object({ role: z.literal('admin') }),
]);

const memberFields = z
  .object({
    aadObjectId: memberKey,
    name: z.string().trim().min(1).max(120),
    email: z.string().email().optional(),
    roles: z.array(roleSchema).default([]),
  })
  .refine((m) => !isPlaceholderId(m.aadObjectId) || m.email?.toLowerCase() === addressOfPlaceholder(m.aadObjectId), {
    path: ['email'],
    message: 'a member not yet linked is known by this address: remove them and add them again under the new one',
  });

/**
 * Given without an object id (none, or empty) but with an e-mail address, a member is keyed by
 * that address; given a placeholder key without an address, the address is the key's.
 */
function keyedByAddress(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const entry = raw as Record<string, unknown>;
  const id = typeof entry.aadObjectId === 'string' ? entry.aadObjectId.trim() : entry.aadObjectId;
  if ((id === undefined || id === '') && typeof entry.email === 'string') return { ...entry, aadObjectId: memberKeyOf(undefined, entry.email) };
  if (typeof id === 'string' && isPlaceholderId(id.toLowerCase()) && entry.email === undefined) return { ...entry, email: addressOfPlaceholder(id.toLowerCase()) };
  return raw;
}

export const memberSchema = z.preprocess(keyedByAddress, memberFields);

export const directorySchema = z.object({
  municipalities: z.array(municipalitySchema).default([]),
  schools: z.array(schoolSchema).default([]),
  members: z.array(memberSchema).default([]),
});

export type Municipality = z.infer<typeof municipalitySchema>;
export type School = z.infer<typeof schoolSchema>;
export type Role = z.infer<typeof roleSchema>;
export type RoleName = Role['role'];
export type Member = z.infer<typeof memberSchema>;
export type Directory = z.infer<typeof directorySchema>;

export function rolesOf<N extends RoleName>(member: Member | undefined, name: N): Extract<Role, { role: N }>[] {
  return (member?.roles ?? []).filter((r): r is Extract<Role, { role: N }> => r.role === name);
}

export function hasRole(member: Member | undefined, name: RoleName): boolean {
  return rolesOf(member, name).length > 0;
}

/** The municipalities a Veilig Thuis worker may issue signals for. */
export function workerMunicipalityIds(member: Member | undefined): string[] {
  return [...new Set(rolesOf(member, 'vt_worker').flatMap((r) => r.municipalityIds))];
}

export function isContactOfSchool(member: Member | undefined, schoolId: string): boolean {
  return rolesOf(member, 'school_contact').some((r) => r.schoolId === schoolId);
}
