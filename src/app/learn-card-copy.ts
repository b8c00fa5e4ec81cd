import { redraw } from '../domain/forgetting';
import { type Signal } from '../domain/signal';
import { leaseDueDeliveries } from '../domain/signal.deliveries';
import type { Clock, SignalStore } from '../ports';
import type { Dispatcher } from './dispatcher';
import { mutateSignal } from './mutate-signal';

export interface LearnCardCopyDeps {
  signals: SignalStore;
  dispatcher: Dispatcher;
  clock: Clock;
}

/**
 * A button was pressed on a message the bot does not know as this person's card: a copy left by
 * a send whose outcome was in doubt. Its id is learned, and it is drawn like the card from then
 * on (now, and again when the child is forgotten), so no copy keeps a name the bot cannot reach.
 */
export class LearnCardCopy {
  constructor(private readonly deps: LearnCardCopyDeps) {}

  /** Returns whether a copy was learned. Never throws for a message that is not a copy. */
  async execute(memberId: string, signalId: string, messageId: string): Promise<boolean> {
    const { signals, dispatcher, clock } = this.deps;
    if ((await signals.get(signalId)) === undefined) return false;
    const now = clock.now();
    const lease = dispatcher.lease(now);
    const { before, after } = await mutateSignal(signals, signalId, (current) => {
      const learned = withCopy(current, memberId, messageId, now.toISOString());
      return learned === current ? current : leaseDueDeliveries(learned, now, lease.until, lease.id);
    });
    if (after.value === before) return false;
    dispatcher.start(after.value, lease);
    return true;
  }
}

/**
 * The signal with `messageId` recorded as a copy of the member's card, which is queued to be drawn
 * again. Only a message the signal knows nothing of can be a copy: one of its own messages (the
 * support reminder, say) learned as a copy would be drawn as the card, name and all, and would
 * stand in for the real copy that was never found.
 */
function withCopy(signal: Signal, memberId: string, messageId: string, at: string): Signal {
  const known = signal.deliveries.some((d) => d.activityId === messageId || (d.copies ?? []).includes(messageId));
  if (known) return signal;
  const index = signal.deliveries.findIndex(
    (d) => d.recipientId === memberId && (d.inDoubtSends ?? 0) > 0 && d.activityId !== undefined && d.view !== 'reminder' && d.view !== 'support_reminder',
  );
  if (index < 0) return signal;
  const card = signal.deliveries[index]!;
  const deliveries = [...signal.deliveries];
  deliveries[index] = redraw({ ...card, copies: [...(card.copies ?? []), messageId] }, at);
  return { ...signal, deliveries };
}
