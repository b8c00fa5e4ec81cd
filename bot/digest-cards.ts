import { digestCard, localeFrom, type AdaptiveCard, type Locale } from '../cards';
import type { DigestScope } from '../src/app/digest-scope';
import type { RenderDigest } from '../src/app/send-weekly-digests';
import type { Digest } from '../src/domain/digest/figures';
import type { Clock } from '../src/ports';

/** The digest card for a scope, counts only, with the configured small-count threshold. */
export function digestCardFor(digest: Digest, scope: DigestScope, locale: Locale, threshold: number, now: Date): AdaptiveCard {
  return digestCard({
    locale,
    scopeName: scope.name,
    digest,
    schoolNames: scope.schoolNames,
    smallCountThreshold: threshold,
    // A school's own digest has no per-school table to protect its counts: its figures do it.
    ...(scope.perSchool ? {} : { smallCountsInFigures: true }),
    generatedAt: now.toISOString(),
  });
}

/** For the weekly job: each recipient in the language their Teams speaks. */
export function digestRenderer(clock: Clock, configured: Locale, threshold: number): RenderDigest {
  return (digest, scope, to) => digestCardFor(digest, scope, localeFrom(to.locale, configured), threshold, clock.now());
}
