/**
 * The tab's Teams SSO token, checked by the server itself: Entra's signature (keys found through
 * the tenant's OpenID discovery), the tenant's issuer, this tab's client id as audience, the
 * `access_as_user` scope, an allowed tenant and the expiry. The person is their Entra object id
 * in their tenant; what they may do comes from the directory only, never from the token.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../src/ports';

export interface TabTokenSettings {
  /** The tab's Entra app registration (HWC_TAB_CLIENT_ID): the token's audience. */
  clientId: string;
  /** Entra tenant ids accepted (lower case); empty accepts any tenant, as for the bot. */
  allowedTenants: readonly string[];
  /** Where the OpenID discovery documents are read; Entra's own unless a test serves them. */
  authority: string;
  clock: Clock;
}

export interface TabUser {
  /** Entra object id: the same id Teams gives the bot as `aadObjectId`. */
  oid: string;
  tid: string;
  /**
   * The person's sign-in names (`preferred_username`, `upn`), when the token carries them: only
   * to link a member an admin added by address, never to decide what anyone may do. The `email`
   * claim is left out: Entra does not vouch for it (it may be one the person typed in).
   */
  signInNames: string[];
}

/** Entra's issuer for v2 tokens of one tenant; also when a test serves the keys elsewhere. */
export const entraIssuer = (tid: string): string => `https://login.microsoftonline.com/${tid}/v2.0`;

export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const claimsSchema = z.object({
  tid: guid,
  oid: guid,
  scp: z.string(),
  preferred_username: z.string().max(320).optional().catch(undefined),
  upn: z.string().max(320).optional().catch(undefined),
});
const discoverySchema = z.object({ jwks_uri: z.string().url() });

/** A token that is not one this tab accepts; why, for the log (never the token itself). */
export class TabTokenRejected extends Error {
  constructor(readonly reason: string) {
    super(`tab token rejected: ${reason}`);
    this.name = 'TabTokenRejected';
  }
}

export type TabTokenVerifier = (token: string) => Promise<TabUser>;

export function tabTokenVerifier(settings: TabTokenSettings): TabTokenVerifier {
  /** Key sets by tenant; jose refreshes a set itself when a token names a key it has not seen. */
  const keySets = new Map<string, Promise<JWTVerifyGetKey>>();

  const keysOf = (tid: string): Promise<JWTVerifyGetKey> => {
    let keys = keySets.get(tid);
    if (!keys) {
      keys = discoverKeys(settings.authority, tid);
      keySets.set(tid, keys);
      // A failed discovery is tried again on the next token, not remembered.
      keys.catch(() => keySets.delete(tid));
    }
    return keys;
  };

  return async (token) => {
    // The tenant decides where the keys are, so it is read (and checked) before the signature;
    // nothing else in the token is trusted until jwtVerify has passed.
    let unverifiedTid: unknown;
    try {
      unverifiedTid = decodeJwt(token).tid;
    } catch {
      throw new TabTokenRejected('malformed');
    }
    const tid = guid.safeParse(unverifiedTid);
    if (!tid.success) throw new TabTokenRejected('no_tenant');
    const tenant = tid.data.toLowerCase();
    if (settings.allowedTenants.length > 0 && !settings.allowedTenants.includes(tenant)) throw new TabTokenRejected('tenant_not_allowed');

    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await keysOf(tenant), {
        algorithms: ['RS256'],
        issuer: entraIssuer(tid.data),
        // v2 access tokens name the client id itself as audience.
        audience: settings.clientId,
        currentDate: settings.clock.now(),
        clockTolerance: 60,
        requiredClaims: ['exp', 'iat', 'oid', 'tid', 'scp'],
      }));
    } catch (error) {
      throw new TabTokenRejected(error instanceof Error && 'code' in error ? String(error.code) : 'invalid');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new TabTokenRejected('claims');
    if (!claims.data.scp.split(' ').includes('access_as_user')) throw new TabTokenRejected('scope');
    const { preferred_username: preferredUsername, upn } = claims.data;
    return { oid: claims.data.oid.toLowerCase(), tid: tenant, signInNames: [preferredUsername, upn].filter((n): n is string => n !== undefined) };
  };
}

async function discoverKeys(authority: string, tid: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(`${authority}/${tid}/v2.0/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new TabTokenRejected(`discovery_${response.status}`);
  const discovery = discoverySchema.parse(await response.json());
  return createRemoteJWKSet(new URL(discovery.jwks_uri));
}
