/**
 * Who is calling the tab's API and what they may see: the SSO token names the person, the
 * directory alone gives their roles. Pages follow roles; nothing here trusts the page.
 */
import type { Request } from 'restify';
import { hasRole, type Member, type RoleName } from '../../src/domain/directory';
import { isDigestReader } from '../../src/app/digest-scope';
import type { LinkMember } from '../../src/app/link-member';
import type { DirectoryStore } from '../../src/ports';
import { TabTokenRejected, type TabTokenVerifier, type TabUser } from './sso-token';

export type TabPage = 'directory' | 'figures' | 'cards';

export interface TabCaller {
  user: TabUser;
  /** Absent for someone the directory does not know: they see the explanation only. */
  member: Member | undefined;
}

export class TabUnauthorized extends Error {
  constructor(readonly reason: string) {
    super(`tab request unauthorized: ${reason}`);
    this.name = 'TabUnauthorized';
  }
}

export class TabForbidden extends Error {
  constructor(readonly page: TabPage) {
    super(`tab page ${page} not allowed`);
    this.name = 'TabForbidden';
  }
}

export function pagesOf(member: Member | undefined): TabPage[] {
  const pages: TabPage[] = [];
  if (hasRole(member, 'admin')) pages.push('directory');
  if (isDigestReader(member)) pages.push('figures');
  // The card previews hold sample data only: anyone with a role may learn what the bot sends.
  if ((member?.roles.length ?? 0) > 0) pages.push('cards');
  return pages;
}

export function roleNamesOf(member: Member | undefined): RoleName[] {
  return [...new Set((member?.roles ?? []).map((r) => r.role))];
}

/**
 * The caller behind a request's bearer token; TabUnauthorized without a valid one. Someone the
 * directory does not know by object id, but an admin added by the address they sign in with, is
 * linked here, on their first visit.
 */
export async function callerOf(req: Request, verify: TabTokenVerifier | undefined, directory: DirectoryStore, link: Pick<LinkMember, 'byAddresses'>): Promise<TabCaller> {
  const user = await userOf(req, verify);
  const member = (await directory.getMember(user.oid)) ?? (await link.byAddresses(user.oid, user.signInNames, { origin: 'tab' }));
  return { user, member };
}

/** The person a request's bearer token names; TabUnauthorized without a valid one. */
export async function userOf(req: Request, verify: TabTokenVerifier | undefined): Promise<TabUser> {
  // Without HWC_TAB_CLIENT_ID no token can be checked, so none is accepted.
  if (!verify) throw new TabUnauthorized('tab_not_configured');
  const match = /^Bearer ([A-Za-z0-9_.-]{1,8192})$/.exec(String(req.headers.authorization ?? ''));
  if (!match?.[1]) throw new TabUnauthorized('no_token');
  try {
    return await verify(match[1]);
  } catch (error) {
    if (error instanceof TabTokenRejected) throw new TabUnauthorized(error.reason);
    throw error;
  }
}

export function requirePage(caller: TabCaller, page: TabPage): Member {
  if (!caller.member || !pagesOf(caller.member).includes(page)) throw new TabForbidden(page);
  return caller.member;
}
