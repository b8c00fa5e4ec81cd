import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** The tab's app registration and the tenant of the local stand-in: made up, never Entra's. */
export const LOCAL_TAB_CLIENT_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const LOCAL_TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';

/** An RSA key pair with the key id a token names in its header. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

/**
 * Entra ID in miniature for the tab's SSO tokens, on 127.0.0.1: per tenant the v2 OpenID discovery
 * document and a JWKS with one key, and a way to sign Teams-like access tokens (or bad ones). For
 * `npm run dev` (scripts/dev.ts) and the tab's tests; the bot trusts it only when started by
 * those, never from its configuration.
 */
export class LocalEntra {
  readonly key = newSigningKey();
  discoveryRequests = 0;
  private readonly server: Server;
  private url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const discovery = /^\/([0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
      const keys = /^\/([0-9a-f-]{36})\/discovery\/v2\.0\/keys$/.exec(path);
      let body: unknown;
      if (discovery) {
        this.discoveryRequests++;
        body = {
          issuer: `https://login.microsoftonline.com/${discovery[1]}/v2.0`,
          jwks_uri: `${this.url}/${discovery[1]}/discovery/v2.0/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        };
      } else if (keys) {
        body = { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: this.key.kid, use: 'sig', alg: 'RS256' }] };
      }
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** What the verifier is given instead of https://login.microsoftonline.com. */
  get authority(): string {
    return this.url;
  }

  /** The claims of a good token for `oid` at `now` (seconds), valid one hour. */
  claims(oid: string, nowSeconds: number, over: Record<string, unknown> = {}): Record<string, unknown> {
    const tid = (over.tid as string | undefined) ?? LOCAL_TENANT;
    return {
      aud: LOCAL_TAB_CLIENT_ID,
      iss: `https://login.microsoftonline.com/${tid}/v2.0`,
      iat: nowSeconds - 60,
      nbf: nowSeconds - 60,
      exp: nowSeconds + 3600,
      tid,
      oid,
      scp: 'access_as_user',
      ver: '2.0',
      name: 'Test Person',
      ...over,
    };
  }

  /** An RS256 token over `claims`, signed with this server's key unless another is given. */
  sign(claims: Record<string, unknown>, key: SigningKey = this.key): string {
    const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${base64url(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
  }

  /** An unsigned token (`alg: none`). */
  unsigned(claims: Record<string, unknown>): string {
    return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
