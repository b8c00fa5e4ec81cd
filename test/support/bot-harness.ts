import { TestAdapter, type Activity } from 'botbuilder';
import { HwcBot } from '../../bot/hwc-bot';
import { LinkMember } from '../../src/app/link-member';
import { deliveryRenderer } from '../../bot/render-delivery';
import { SignalCards } from '../../bot/signal-cards';
import type { Locale } from '../../cards';
import { createCore, type Core, type CoreOptions } from './core-harness';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
export const BOT_ID = '28:hwc-bot';

type Card = Record<string, unknown>;

/** What one turn produced: the messages the bot replied with and, for an invoke, its answer. */
export interface TurnResult {
  replies: Partial<Activity>[];
  /** The cards of the message replies, in order. */
  cards: Card[];
  invokeResponse?: { status: number; body: { statusCode: number; type: string; value: Card } };
}

/** Someone in Teams, in their personal chat with the bot. */
export interface ChatUser {
  aadObjectId: string;
  name: string;
  locale?: string;
}

/**
 * HwcBot driven by botbuilder's TestAdapter, over the real use cases on memory stores, with a
 * fake Teams (FakeMessenger) behind the dispatcher and the real card renderer.
 */
export class BotHarness {
  private constructor(
    readonly core: Core,
    readonly bot: HwcBot,
    readonly adapter: TestAdapter,
  ) {}

  static async create(options: CoreOptions & { locale?: Locale } = {}): Promise<BotHarness> {
    const locale = options.locale ?? 'nl';
    // As in bot/create-app.ts: one SignalCards over the directory draws the dispatcher's cards and the invoke answers.
    let cards: SignalCards | undefined;
    const core = await createCore({
      ...options,
      render: ({ directory, clock }) => deliveryRenderer((cards = new SignalCards(directory)), clock, locale),
    });
    if (!cards) throw new Error('the core did not ask for a renderer');
    const bot = new HwcBot({
      issueSignal: core.issueSignal,
      acknowledgeSignal: core.acknowledgeSignal,
      recordSupport: core.recordSupport,
      listMySignals: core.listMySignals,
      routeSignal: core.routeSignal,
      bounceSignal: core.bounceSignal,
      learnCardCopy: core.learnCardCopy,
      listAwaitingRouting: core.listAwaitingRouting,
      takeEscalation: core.takeEscalation,
      readAuditTrail: core.readAuditTrail,
      readDigest: core.readDigest,
      directory: core.directory,
      cards,
      clock: core.clock,
      logger: core.logger,
      locale,
      audit: core.audit,
      allowedTenants: [],
      digestMinCount: 3,
      linkMember: new LinkMember({ directory: core.directory, clock: core.clock, messenger: core.messenger, readOnly: false }),
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    return new BotHarness(core, bot, adapter);
  }

  /** Runs one activity from `user` through the bot and collects what it answered. */
  async turn(user: ChatUser, fields: Partial<Activity>): Promise<TurnResult> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity(activityFrom(user, fields));
    const sent = this.adapter.activeQueue.splice(0);
    const replies = sent.filter((a) => a.type !== 'invokeResponse');
    const invoke = sent.find((a) => a.type === 'invokeResponse');
    return {
      replies,
      cards: replies.flatMap((a) => (a.attachments ?? []).map((att) => att.content as Card)),
      ...(invoke ? { invokeResponse: invoke.value as TurnResult['invokeResponse'] } : {}),
    };
  }

  say(user: ChatUser, text: string): Promise<TurnResult> {
    return this.turn(user, { type: 'message', text });
  }

  install(user: ChatUser): Promise<TurnResult> {
    return this.turn(user, { type: 'installationUpdate', action: 'add' });
  }

  /** Types into a typeahead School choice: Teams' `application/search` invoke for its dataset. */
  search(user: ChatUser, dataset: string, queryText: string, queryOptions: { skip: number; top: number } = { skip: 0, top: 15 }): Promise<TurnResult> {
    return this.turn(user, { type: 'invoke', name: 'application/search', value: { queryText, dataset, queryOptions } });
  }

  /** Presses an Action.Execute button; `onMessage` is the id of the message holding the card. */
  press(user: ChatUser, verb: string | undefined, data: unknown, onMessage?: string): Promise<TurnResult> {
    return this.turn(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', ...(verb !== undefined ? { verb } : {}), data }, trigger: 'manual' },
      ...(onMessage ? { replyToId: onMessage } : {}),
    });
  }
}

export function conversationIdOf(user: ChatUser): string {
  return `a:personal-${user.aadObjectId}`;
}

function activityFrom(user: ChatUser, fields: Partial<Activity>): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Handle with Care' },
    conversation: { id: conversationIdOf(user), conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT_ID } },
    locale: user.locale ?? 'nl-NL',
    ...fields,
  };
}
