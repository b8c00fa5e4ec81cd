/**
 * `showsChildIdentity` decides which delivered cards are audited as reads of the child's identity.
 * It must match what the cards really show: each view is drawn from a signal that holds the child,
 * and the drawing names the child exactly when the list says so.
 */
import { SignalCards } from '../../bot/signal-cards';
import { importDirectory } from '../../src/app/import-directory';
import { showsChildIdentity } from '../../src/domain/identity-views';
import type { DeliveryView, Signal } from '../../src/domain/signal';
import { MemoryAuditLog, MemoryDirectoryStore } from '../../src/store/memory';
import { aSchoolDirectory } from '../fixtures/school-directory';
import { aChild, aSignal, ISSUED_AT, PRIMARY } from '../fixtures/signals';

/** Every view there is: the compiler asks for a new view here, so it cannot be left out. */
const EVERY_VIEW: Record<DeliveryView, true> = {
  signal: true,
  taken: true,
  support_form: true,
  supported: true,
  withdrawn: true,
  access_ended: true,
  route: true,
  routed: true,
  route_closed: true,
  bounced_notice: true,
  bounce_rerouted: true,
  unroutable_notice: true,
  reminder: true,
  support_reminder: true,
  escalation: true,
  escalation_taken: true,
  escalation_no_coordinator: true,
  delivery_alert: true,
  name_alert: true,
};

/** A signal with the child and everything a card may look up (support recorded, so `supported` shows the record). */
function aFullSignal(): Signal {
  const at = ISSUED_AT.toISOString();
  return {
    ...aSignal(),
    support: { categories: ['quiet_place'], priorConcern: 'no', by: PRIMARY.id, byName: PRIMARY.name, firstRecordedAt: at, recordedAt: at },
  };
}

describe('which delivered cards show the child', () => {
  const child = aChild();
  let cards: SignalCards;
  beforeAll(async () => {
    const directory = new MemoryDirectoryStore(new MemoryAuditLog());
    await importDirectory(directory, aSchoolDirectory());
    cards = new SignalCards(directory);
  });

  it.each(Object.keys(EVERY_VIEW) as DeliveryView[])('the %s card names the child exactly when showsChildIdentity says so', async (view) => {
    const signal = aFullSignal();
    const card = JSON.stringify(await cards.forView(signal, view, 'nl', ISSUED_AT, signal.schoolId, signal.deliveries[0]?.key));

    expect(card.includes(child.lastName)).toBe(showsChildIdentity(view));
  });
});
