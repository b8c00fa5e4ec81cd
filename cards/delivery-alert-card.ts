/**
 * To every admin when a card could not be delivered after its retries (or Teams refused for
 * good): whose card, in which role, why and when — by reference code, never the child.
 */
import { adaptiveCard, factSet, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import { formatDateTime } from './format';
import { stringsFor } from './i18n/strings';
import type { DeliveryAlertView } from './view-models';

export function deliveryAlertCard(view: DeliveryAlertView): AdaptiveCard {
  const t = stringsFor(view.locale);
  return adaptiveCard([
    heading(t.deliveryAlert.title),
    textBlock(
      view.nameNotRemoved
        ? t.deliveryAlert.nameNotRemoved(view.recipientName, t.deliveryAlert.roles[view.role])
        : t.deliveryAlert.text(view.recipientName, t.deliveryAlert.roles[view.role]),
      { color: 'attention' },
    ),
    factSet([
      [t.common.reference, view.reference],
      [t.deliveryAlert.reason, view.reason],
      [t.deliveryAlert.at, formatDateTime(view.at)],
    ]),
  ]);
}
