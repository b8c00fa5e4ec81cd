import {
  contactSignalCard,
  localeFrom,
  supportFormCard,
  supportRecordedCard,
  takenCard,
  type AdaptiveCard,
  type Locale,
} from '../cards';
import type { RenderDelivery } from '../src/app/dispatcher';
import { sameSchoolDay } from '../src/app/school-day';
import { DomainError, ErrorCodes } from '../src/domain/errors';
import type { Signal } from '../src/domain/signal';
import type { Clock, DirectoryStore } from '../src/ports';

/** The card a recipient should see for their delivery's view, in their language. */
export function deliveryRenderer(directory: DirectoryStore, clock: Clock, configured: Locale): RenderDelivery {
  return async (signal, delivery, to) => {
    const locale = localeFrom(to.locale, configured);
    const schoolName = (await directory.getSchool(signal.schoolId))?.name ?? signal.schoolId;
    switch (delivery.view) {
      case 'signal':
        if (!signal.child) throw new DomainError(ErrorCodes.redacted, { signalId: signal.id });
        return contactSignalCard({ locale, signalId: signal.id, reference: signal.reference, child: signal.child, schoolName, issuedAt: signal.issuedAt });
      case 'taken':
        return takenCardFor(signal, schoolName, locale);
      case 'support_form':
        return supportFormFor(signal, schoolName, locale);
      case 'supported':
        return supportRecordedFor(signal, schoolName, locale, clock.now());
    }
  };
}

export function takenCardFor(signal: Signal, schoolName: string, locale: Locale): AdaptiveCard {
  const ack = signal.acknowledgement;
  return takenCard({
    locale,
    reference: signal.reference,
    schoolName,
    issuedAt: signal.issuedAt,
    byName: ack?.byName ?? '',
    at: ack?.at ?? signal.stateChangedAt,
  });
}

export function supportFormFor(signal: Signal, schoolName: string, locale: Locale): AdaptiveCard {
  return supportFormCard({
    locale,
    signalId: signal.id,
    reference: signal.reference,
    schoolName,
    ...(signal.child ? { child: signal.child } : {}),
    values: {
      categories: signal.support?.categories ?? [],
      ...(signal.support ? { priorConcern: signal.support.priorConcern } : {}),
    },
    errors: {},
  });
}

export function supportRecordedFor(signal: Signal, schoolName: string, locale: Locale, now: Date): AdaptiveCard {
  const support = signal.support;
  if (!support) return supportFormFor(signal, schoolName, locale);
  return supportRecordedCard({
    locale,
    signalId: signal.id,
    reference: signal.reference,
    schoolName,
    categories: support.categories,
    priorConcern: support.priorConcern,
    recordedAt: support.recordedAt,
    canChange: sameSchoolDay(new Date(support.firstRecordedAt), now),
  });
}
