import { createHmac, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newSigningKey, type SigningKey } from '../../scripts/dev/local-entra';

export { newSigningKey, type SigningKey };

/**
 * The Bot Framework's token service in miniature: OpenID metadata and a JWKS with one key,
 * endorsed for Teams as Microsoft's keys are, and a way to sign tokens with it (or another key).
 */
export class OpenIdTestServer {
  readonly key = newSigningKey();
  /** How often botbuilder fetched the metadata: proves it asked here and not Microsoft. */
  metadataRequests = 0;
  private readonly server: Server;
  private url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body =
        path === '/.well-known/openidconfiguration'
          ? this.metadata()
          : path === '/keys'
            ? { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: this.key.kid, use: 'sig', endorsements: ['msteams'] }] }
            : undefined;
      if (path === '/.well-known/openidconfiguration') this.metadataRequests++;
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

  /** What botbuilder reads as ToBotFromChannelOpenIdMetadataUrl. */
  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  /** An RS256 token over `claims`, signed with this server's key unless another is given. */
  sign(claims: Record<string, unknown>, key: SigningKey = this.key): string {
    const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${base64url(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
  }

  /** An HS256 token keyed with the public key: the algorithm-confusion attack on RS256 verifiers. */
  signWithPublicKeyAsSecret(claims: Record<string, unknown>): string {
    const input = `${base64url({ alg: 'HS256', typ: 'JWT', kid: this.key.kid })}.${base64url(claims)}`;
    const secret = this.key.publicKey.export({ format: 'pem', type: 'spki' });
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  }

  private metadata(): Record<string, unknown> {
    return {
      issuer: 'https://api.botframework.com',
      jwks_uri: `${this.url}/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    };
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
