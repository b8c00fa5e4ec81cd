/** The tab's own API, called with a fresh Teams SSO token each time (Teams caches it). */
import { authentication } from '@microsoft/teams-js';

export type Page = 'directory' | 'figures' | 'cards';
export type ShownCount = { kind: 'count'; value: number } | { kind: 'suppressed'; below: number } | { kind: 'hidden' };

export interface Me {
  name?: string;
  roles: string[];
  pages: Page[];
}

export interface DirectoryData {
  readOnly: boolean;
  municipalities: Array<{ id: string; name: string; routing: 'direct' | 'leerplicht' }>;
  schools: Array<{ id: string; name: string; municipalityId: string }>;
  members: Array<{ id: string; name: string; email?: string; roles: Array<{ role: string }>; reachable: boolean }>;
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

export async function getJson<T>(path: string): Promise<T> {
  const token = await authentication.getAuthToken();
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok) throw new ApiError(response.status);
  return (await response.json()) as T;
}
