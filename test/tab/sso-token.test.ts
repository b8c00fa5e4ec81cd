/** The tab's SSO token check against a local Entra (OpenID discovery + JWKS): only a good token passes. */
import { tabTokenVerifier, TabTokenRejected, type TabTokenVerifier } from '../../bot/tab/sso-token';
import { EntraTestServer, OTHER_TENANT, TAB_CLIENT_ID, TENANT } from '../support/entra-test-server';
import { FixedClock } from '../support/fixed-clock';
import { newSigningKey } from '../support/openid-test-server';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const OID = '0f0e0d0c-1111-4222-8333-444455556666';

describe('the tab SSO token check', () => {
  const entra = new EntraTestServer();
  let verify: TabTokenVerifier;

  beforeAll(async () => {
    await entra.start();
    verify = tabTokenVerifier({ clientId: TAB_CLIENT_ID, allowedTenants: [TENANT], authority: entra.authority, clock: new FixedClock(NOW) });
  });
  afterAll(() => entra.stop());

  it('accepts a token signed by the tenant key for this tab with access_as_user, and names the person by oid and tid', async () => {
    await expect(verify(entra.sign(entra.claims(OID, NOW_S)))).resolves.toEqual({ oid: OID, tid: TENANT, signInNames: [] });
  });

  it('names the sign-in names the token carries (preferred_username, upn), never its unvouched email claim, and ignores one of a wrong shape', async () => {
    const claims = entra.claims(OID, NOW_S, { preferred_username: 'Jan@school.example', upn: 'j.devries@school.example', email: 'someone@else.example' });
    await expect(verify(entra.sign(claims))).resolves.toEqual({ oid: OID, tid: TENANT, signInNames: ['Jan@school.example', 'j.devries@school.example'] });
    await expect(verify(entra.sign(entra.claims(OID, NOW_S, { preferred_username: 42 })))).resolves.toEqual({ oid: OID, tid: TENANT, signInNames: [] });
  });

  const rejected: Array<[string, () => string, string]> = [
    ['signed by another key', () => entra.sign(entra.claims(OID, NOW_S), { ...newSigningKey(), kid: entra.key.kid }), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
    ['for another audience', () => entra.sign(entra.claims(OID, NOW_S, { aud: '11111111-2222-4333-8444-555555555555' })), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['from another issuer', () => entra.sign(entra.claims(OID, NOW_S, { iss: 'https://sts.windows.net/' + TENANT + '/' })), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
    ['from a tenant not allowed', () => entra.sign(entra.claims(OID, NOW_S, { tid: OTHER_TENANT })), 'tenant_not_allowed'],
    ['without access_as_user', () => entra.sign(entra.claims(OID, NOW_S, { scp: 'User.Read' })), 'scope'],
    ['expired', () => entra.sign(entra.claims(OID, NOW_S - 7200)), 'ERR_JWT_EXPIRED'],
    ['unsigned (alg none)', () => entra.unsigned(entra.claims(OID, NOW_S)), 'ERR_JOSE_ALG_NOT_ALLOWED'],
    ['not a token at all', () => 'garbage', 'malformed'],
  ];

  it.each(rejected)('rejects a token %s', async (_name, token, reason) => {
    const outcome = await verify(token()).then(
      () => 'accepted',
      (error: unknown) => (error instanceof TabTokenRejected ? error.reason : 'other error'),
    );
    expect(outcome).toBe(reason);
  });

  it('reads the tenant discovery document once for many tokens', async () => {
    const before = entra.discoveryRequests;
    for (let i = 0; i < 3; i++) await verify(entra.sign(entra.claims(OID, NOW_S)));
    expect(entra.discoveryRequests - before).toBe(0);
  });
});
