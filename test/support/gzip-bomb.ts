import { gzipSync } from 'node:zlib';

const MEMBER_BYTES = 4 * 1024 * 1024;

/**
 * A small gzip body that inflates to `inflatedBytes` of well-formed JSON (a message activity with
 * a long padding field). Built from concatenated gzip members, one 4 MB member compressed once and
 * repeated, so making a 250 MB bomb costs the test a few milliseconds and 4 MB of memory.
 */
export function gzipBomb(inflatedBytes: number, fields: Record<string, unknown> = { type: 'message', text: 'help' }): Buffer {
  const head = gzipSync(`${JSON.stringify(fields).slice(0, -1)},"padding":"`);
  const middle = gzipSync(Buffer.alloc(MEMBER_BYTES, 'x'), { level: 9 });
  const tail = gzipSync('"}');
  const count = Math.max(1, Math.round(inflatedBytes / MEMBER_BYTES));
  return Buffer.concat([head, ...Array.from({ length: count }, () => middle), tail]);
}
