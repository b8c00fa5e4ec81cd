/** Tracing a Teams call never changes it: the caller's deadline reaches the real messenger. */
import { metrics, trace } from '@opentelemetry/api';
import { TracedMessenger } from '../../bot/telemetry/traced-messenger';
import type { CallOptions, ConversationAddress, Messenger, OutboundCard } from '../../src/ports';
import { aConversation } from '../fixtures/directory';

describe('the traced messenger', () => {
  it("hands the call's AbortSignal on to the messenger it wraps, for sends, updates and look-ups", async () => {
    const seen: Array<AbortSignal | undefined> = [];
    const inner: Messenger = {
      send: async (_to: ConversationAddress, _card: OutboundCard, options?: CallOptions) => {
        seen.push(options?.signal);
        return { activityId: 'activity-1' };
      },
      update: async (_to: ConversationAddress, _id: string, _card: OutboundCard, options?: CallOptions) => {
        seen.push(options?.signal);
      },
      openPersonalChat: async () => aConversation(),
      lookUpUser: async (_at: ConversationAddress, options?: CallOptions) => {
        seen.push(options?.signal);
        return {};
      },
    };
    const traced = new TracedMessenger(inner, trace.getTracer('test'), metrics.getMeter('test'));
    const deadline = new AbortController().signal;

    await traced.send(aConversation(), { type: 'AdaptiveCard' }, { signal: deadline });
    await traced.update(aConversation(), 'activity-1', { type: 'AdaptiveCard' }, { signal: deadline });
    await traced.lookUpUser(aConversation(), { signal: deadline });

    expect(seen).toEqual([deadline, deadline, deadline]);
  });
});
