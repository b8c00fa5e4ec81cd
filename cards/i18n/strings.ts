/**
 * One string table per language, one shape: Dutch is the source, so `Strings` is its type and
 * English must match it key for key. Functions in the table take what a text needs to say
 * (a name, a time), already formatted.
 */
import type { Locale } from '../view-models';
import { en } from './en';
import { nl } from './nl';

export type Strings = typeof nl;

const tables: Record<Locale, Strings> = { nl, en };

export function stringsFor(locale: Locale): Strings {
  return tables[locale];
}

/**
 * The language for a user, as the issue puts it: English where the deployment is configured
 * for English (HWC_LOCALE=en) or the user's Teams locale (e.g. "en-US") is English; Dutch
 * otherwise. Note that the Agents Playground sends "en-US" by default.
 */
export function localeFrom(teamsLocale: string | undefined, configured: Locale = 'nl'): Locale {
  const language = (teamsLocale ?? '').toLowerCase().split(/[-_]/)[0];
  return configured === 'en' || language === 'en' ? 'en' : 'nl';
}
