import { z } from 'zod';

/**
 * An instant exactly as `Date.prototype.toISOString` writes it (UTC, milliseconds). One fixed
 * form lets every store, and the domain itself, compare and sort instants as plain text.
 */
export const instantSchema = z.iso.datetime({ precision: 3 });
