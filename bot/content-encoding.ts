import type { Next, Request, Response } from 'restify';

/** True for a body sent as it is: no Content-Encoding, or `identity` (any case, blanks around). */
function isIdentity(header: string | string[] | undefined): boolean {
  if (header === undefined) return true;
  const value = (Array.isArray(header) ? header.join(',') : header).trim().toLowerCase();
  return value === '' || value === 'identity';
}

/**
 * Takes only uncompressed bodies; anything else is refused with 415 before a byte is read.
 * restify's body reader inflates gzip itself and counts its size limit on the compressed bytes,
 * so a 250 KB body could grow to gigabytes of memory before the token is even looked at. The
 * Bot Connector never compresses, so refusing costs nothing.
 */
export function refuseEncodedBodies(req: Request, res: Response, next: Next): void {
  if (!isIdentity(req.headers['content-encoding'])) {
    // RFC 7694: a 415 for a content coding names the codings that are accepted.
    res.header('Accept-Encoding', 'identity');
    res.send(415, { error: 'unsupported_content_encoding' });
    next(false);
    return;
  }
  // restify's reader takes any header it does not know, `identity` too, for an unsupported coding.
  delete req.headers['content-encoding'];
  next();
}
