import { localeFrom, type Locale } from '../cards';
import type { RenderDelivery } from '../src/app/dispatcher';
import type { Clock } from '../src/ports';
import type { SignalCards } from './signal-cards';

/** The card a recipient should see for their delivery's view, in their language. */
export function deliveryRenderer(cards: SignalCards, clock: Clock, configured: Locale): RenderDelivery {
  return (signal, delivery, to) =>
    cards.forView(signal, delivery.view, localeFrom(to.locale, configured), clock.now(), delivery.schoolId ?? signal.schoolId, delivery.about);
}
