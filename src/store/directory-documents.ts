import { z } from 'zod';
import {
  memberSchema,
  municipalitySchema,
  schoolSchema,
  type Member,
  type Municipality,
  type School,
} from '../domain/directory';
import type { ConversationAddress } from '../ports';
import { parseDocument } from './invalid-document-error';

const conversationSchema = z.object({
  memberId: z.string().min(1),
  userId: z.string().min(1),
  conversationId: z.string().min(1),
  serviceUrl: z.string().min(1),
  tenantId: z.string().optional(),
  channelId: z.string().min(1),
  botId: z.string().min(1),
  locale: z.string().optional(),
  updatedAt: z.string(),
  inactiveSince: z.string().optional(),
}) satisfies z.ZodType<ConversationAddress>;

/** The member a placeholder becomes once linked: the same entry under their Entra object id. */
export function linkedAs(placeholder: Member, aadObjectId: string): Member {
  return { ...placeholder, aadObjectId };
}

/** Admins are few and the directory small: every store filters its members for the role. */
export function isAdmin(member: Member): boolean {
  return member.roles.some((r) => r.role === 'admin');
}

export function parseMunicipalityDocument(raw: unknown): Municipality {
  return parseDocument(municipalitySchema, 'municipality', raw);
}

export function parseSchoolDocument(raw: unknown): School {
  return parseDocument(schoolSchema, 'school', raw);
}

export function parseMemberDocument(raw: unknown): Member {
  return parseDocument(memberSchema, 'member', raw, 'aadObjectId');
}

export function parseConversationDocument(raw: unknown): ConversationAddress {
  return parseDocument(conversationSchema, 'conversation', raw, 'memberId');
}

/** The schools a member is a contact of: what every store indexes for listSchoolContacts. */
export function contactSchoolIds(member: Member): string[] {
  const ids = member.roles.flatMap((role) => (role.role === 'school_contact' ? [role.schoolId] : []));
  return [...new Set(ids)];
}

/** The roles held per municipality that every store indexes for listMunicipalityMembers. */
export type MunicipalityRole = 'leerplicht' | 'coordinator';
export const MUNICIPALITY_ROLES: readonly MunicipalityRole[] = ['leerplicht', 'coordinator'];

/** The municipalities a member holds `role` for. */
export function roleMunicipalityIds(member: Member, role: MunicipalityRole): string[] {
  const ids = member.roles.flatMap((r) => (r.role === role ? r.municipalityIds : []));
  return [...new Set(ids)];
}
