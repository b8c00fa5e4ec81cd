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
const aadObjectId = z
  .string()
  .regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12,13}$/i, 'an Entra object id (a GUID)')
  .transform((id) => id.toLowerCase());

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

export const memberSchema = z.object({
  aadObjectId,
  name: z.string().trim().min(1).max(120),
  email: z.string().email().optional(),
  roles: z.array(roleSchema).default([]),
});

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
