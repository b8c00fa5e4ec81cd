/** The tab's own API, called with a fresh Teams SSO token each time (Teams caches it). */
import { authentication } from '@microsoft/teams-js';

export type Page = 'directory' | 'figures' | 'cards';
export type ShownCount = { kind: 'count'; value: number } | { kind: 'suppressed'; below: number } | { kind: 'hidden' };

export interface Me {
  name?: string;
  roles: string[];
  pages: Page[];
}

export type DirectoryWarning =
  | { kind: 'school_unreachable' | 'no_coordinator' | 'no_leerplicht'; id: string; name: string }
  | { kind: 'calendar_ends'; endsOn: string; daysLeft: number };

/** A role as the directory holds it: the scope fields its kind has. */
export interface RoleData {
  role: string;
  municipalityIds?: string[];
  schoolIds?: string[];
  schoolId?: string;
  rank?: 'primary' | 'backup';
}

export interface DirectoryData {
  readOnly: boolean;
  warnings: DirectoryWarning[];
  warningCount: number;
  municipalities: Array<{ id: string; name: string; routing: 'direct' | 'leerplicht'; holidayRegion?: string } & Record<string, unknown>>;
  schools: Array<{ id: string; name: string; municipalityId: string; daysOff?: string[] } & Record<string, unknown>>;
  members: Array<{ id: string; name: string; email?: string; roles: RoleData[]; reachable: boolean }>;
}

/** What a CSV import would do (the server's preview). */
export interface ImportPreviewData {
  kind: 'schools' | 'members';
  version: string;
  added: Array<{ id: string; name: string }>;
  changed: Array<{ id: string; name: string }>;
  removed: Array<{ id: string; name: string }>;
  unchanged: number;
  errors: Array<{ line: number; message: string }>;
}

/** What the directory said about an edit that it refused: by field, or '' for the whole. */
export interface EditProblem {
  field: string;
  message: string;
}

export interface FiguresData {
  week: string;
  scopeName: string;
  headline: {
    issued: number | string;
    viaLeerplicht: number | string;
    delivered: number | string;
    openNow: number | string;
    acknowledgedWithin24hPercent: number | null;
    supportedWithin48hPercent: number | null;
    medianMinutesToAcknowledge: number | null;
  };
  trend: Array<{ week: string; percent: number | null; numerator: number; denominator: number }>;
  schools: Array<{ schoolId: string; name: string; issued: ShownCount; acknowledged: ShownCount; supportedWithin48h: ShownCount; bounced: ShownCount }>;
  smallCountThreshold: number;
}

export interface CardsData {
  locale: 'nl' | 'en';
  cards: Array<{ id: string; builder: string; audience: string; title: string; card: object }>;
}

export class ApiError extends Error {
  constructor(readonly status: number) {
    super(`tab api answered ${status}`);
    this.name = 'ApiError';
  }
}

/** A change sent to the tab's API: the answer's status and JSON (a 422 carries `problems`). */
export async function sendJson(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = await authentication.getAuthToken();
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    credentials: 'omit',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

export async function getJson<T>(path: string): Promise<T> {
  const token = await authentication.getAuthToken();
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok) throw new ApiError(response.status);
  return (await response.json()) as T;
}
