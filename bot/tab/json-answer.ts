import type { Request, Response } from 'restify';
import { gzipSync } from 'node:zlib';

/** Smaller answers go as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 16 * 1024;

/**
 * A tab API answer as JSON, gzipped when the page accepts it and the answer is large: a region's
 * directory is about 4 MB of JSON and 0.2 MB gzipped, which is what a manager on a school's Wi-Fi
 * or a phone waits for. Level 1: for such repetitive JSON nearly as small as the default level,
 * at half the time (a few ms for the largest directory).
 */
export function answerJson(req: Request, res: Response, status: number, body: unknown): void {
  const json = Buffer.from(JSON.stringify(body));
  const gzip = json.length >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.sendRaw(status, gzip ? gzipSync(json, { level: 1 }) : json, {
    'Content-Type': 'application/json',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
}
