import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { noticeCard, parseCardAction, parseCommand, stringsFor, type AdaptiveCard, type CardAction } from '../cards';
import { DomainError, ErrorCodes, isDomainError } from '../src/domain/errors';
import { runCardAction } from './card-actions';
import { auditCommand } from './commands/audit-command';
import { digestCommand } from './commands/digest-command';
import { helpCommand } from './commands/help-command';
import { signalCommand } from './commands/signal-command';
import { statusCommand } from './commands/status-command';
import { addressFromActivity } from './conversation-address';
import { errorCard } from './error-card';
import { answerSchoolSearch, SEARCH_INVOKE } from './school-search';
import { cardInvokeResponse, replyWithCard } from './reply';
import type { BotServices } from './services';
import { cardActionSchema } from './activity-schema';
import { describeError } from './logger';
import { correlationIdOf, localeOf, memberIdOf, originOf, sourceOf } from './turn-info';
import { admissionOf } from './admission';
import { afterDeliveriesStarted } from './deliveries-first';
import { isSignalIdShaped } from '../src/app/audit-trail';

const CARD_ACTION_INVOKE = 'adaptiveCard/action';
/** How long a turn waits for Teams to say who wrote: the reply must not wait on it for long. */
const LOOKUP_TIMEOUT_MS = 5_000;

/** The Teams edge: remembers personal chats, answers commands, routes card buttons to use cases. */
export class HwcBot extends TeamsActivityHandler {
  constructor(private readonly services: BotServices) {
    super();

    this.onMessage(async (context, next) => {
      await this.rememberConversation(context);
      await this.linkAtFirstContact(context);
      await this.answerCommand(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.rememberConversation(context);
      await this.welcome(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneElse = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
      // In a personal chat the bot itself is "added" when the app is installed.
      if (!someoneElse) await this.rememberConversation(context);
      await next();
    });
  }

  /** Only Teams, only our tenants, and signals only in a personal chat; everything else stops here. */
  override async run(context: TurnContext): Promise<void> {
    const admission = admissionOf(context.activity, this.services.allowedTenants);
    if (admission === 'ok' && context.activity.type === 'invoke') return this.answerInvoke(context);
    if (admission === 'ok') return super.run(context);
    await this.services.audit.append({
      at: this.services.clock.now().toISOString(),
      actorId: memberIdOf(context) || 'unknown',
      action: `activity.${context.activity.type ?? 'unknown'}`,
      result: 'refused',
      origin: `${context.activity.channelId}:${admission}`,
      // No role: the directory is not asked about an activity that is dropped at the door.
      correlationId: correlationIdOf(context),
    });
    if (admission !== 'not_personal') {
      // From another tenant or channel: nothing is said back, but an invoke (a card button) must
      // still be answered, or botbuilder answers 501 for it. 403: refused, and not worth retrying.
      if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    // In a group chat or channel: say where the bot works, show nothing else there.
    const locale = localeOf(context, this.services.locale);
    const card = noticeCard({ locale, ...stringsFor(locale).bot.personalChatOnly });
    if (context.activity.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: cardInvokeResponse(card) });
    } else if (context.activity.type === 'message') {
      await replyWithCard(context, card);
    }
  }

  /**
   * A button press or a search, answered by onInvokeActivity directly: botbuilder's dispatch
   * around it (turn handlers, none registered here, and its layers of generator-based awaits)
   * only adds cost on the path of every press. The answer goes back as botbuilder's would, after
   * the cards the press set off (a search sets off none and is answered at once).
   */
  private async answerInvoke(context: TurnContext): Promise<void> {
    const answer = await this.onInvokeActivity(context);
    if (context.activity.name === CARD_ACTION_INVOKE) await afterDeliveriesStarted();
    await context.sendActivity({ type: 'invokeResponse', value: answer });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === SEARCH_INVOKE) return answerSchoolSearch(context, this.services);
    // Besides the School search, the bot answers card buttons only; any other invoke is a request
    // it does not take (a 4xx, where botbuilder would answer 501).
    if (context.activity.name !== CARD_ACTION_INVOKE) return { status: 400 };
    try {
      await this.rememberConversation(context);
      return cardInvokeResponse(await this.answerCardAction(context));
    } catch (error) {
      // Teams shows an invoke's card in place of the pressed one: answer with the generic card
      // (200, with a correlation id) instead of letting the turn fail into a 5xx for Teams.
      const correlationId = correlationIdOf(context);
      this.services.logger.error({ correlationId, ...describeError(error) }, 'card action failed');
      const locale = localeOf(context, this.services.locale);
      const t = stringsFor(locale).bot.genericError;
      return cardInvokeResponse(noticeCard({ locale, title: t.title, text: t.text(correlationId) }));
    }
  }

  private async answerCommand(context: TurnContext): Promise<void> {
    const locale = localeOf(context, this.services.locale);
    const command = parseCommand(context.activity.text);
    if (command !== undefined && command !== 'help' && !memberIdOf(context)) {
      return replyWithCard(context, await this.refuseWithoutMember(context, `command.${command}`));
    }
    try {
      switch (command) {
        case 'signal':
          return await signalCommand(context, this.services);
        case 'status':
          return await statusCommand(context, this.services);
        case 'help':
          return await helpCommand(context, this.services);
        case 'audit':
          return await auditCommand(context, this.services);
        case 'digest':
          return await digestCommand(context, this.services);
        default:
          return await replyWithCard(context, noticeCard({ locale, ...stringsFor(locale).bot.unknownCommand }));
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await replyWithCard(context, this.refusalFor(error, context));
    }
  }

  private async answerCardAction(context: TurnContext): Promise<AdaptiveCard> {
    const locale = localeOf(context, this.services.locale);
    const value = cardActionSchema.parse(context.activity.value).action;
    const parsed = parseCardAction(value.verb ?? '', value.data);
    if (!parsed.ok) return noticeCard({ locale, ...stringsFor(locale).bot.unknownAction });
    if (!memberIdOf(context)) return this.refuseWithoutMember(context, parsed.action.verb);
    await this.learnCopy(context, parsed.action);
    try {
      return await runCardAction(context, this.services, parsed.action);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return this.refusalFor(error, context);
    }
  }

  /**
   * A button pressed on a message the bot may not know (a copy from a send whose outcome was in
   * doubt): its id is learned so the copy is redrawn with the card. Never stops the action itself.
   */
  private async learnCopy(context: TurnContext, action: CardAction): Promise<void> {
    const messageId = context.activity.replyToId;
    const signalId = (action.data as { signalId?: unknown }).signalId;
    if (!messageId || typeof signalId !== 'string' || !isSignalIdShaped(signalId)) return;
    try {
      await this.services.learnCardCopy.execute(memberIdOf(context), signalId, messageId);
    } catch (error) {
      this.services.logger.error({ signalId, correlationId: correlationIdOf(context), ...describeError(error) }, 'copy of a card not learned');
    }
  }

  /**
   * Teams names every user by their Entra object id; an activity without one can act as nobody.
   * Refused politely, and audited under the Teams id it came with.
   */
  private async refuseWithoutMember(context: TurnContext, action: string): Promise<AdaptiveCard> {
    await this.services.audit.append({
      at: this.services.clock.now().toISOString(),
      actorId: context.activity.from?.id ? `teams:${context.activity.from.id}` : 'unknown',
      action,
      result: 'refused',
      origin: originOf(context),
      correlationId: correlationIdOf(context),
    });
    return this.refusalFor(new DomainError(ErrorCodes.unknownMember), context);
  }

  private refusalFor(error: Parameters<typeof errorCard>[0], context: TurnContext): AdaptiveCard {
    const locale = localeOf(context, this.services.locale);
    // A signal id from card data that is not shaped like one is free text: kept out of the log.
    const { signalId, ...rest } = error.context;
    const logged = typeof signalId === 'string' && !isSignalIdShaped(signalId) ? rest : error.context;
    this.services.logger.info({ code: error.code, ...logged }, 'request refused');
    return errorCard(error, locale);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const locale = localeOf(context, this.services.locale);
    await replyWithCard(context, noticeCard({ locale, ...stringsFor(locale).bot.welcome }));
  }

  /**
   * Someone an admin added by e-mail address becomes a member the first time they write to the
   * bot, before their message is answered: Teams is asked who they are, through the bot's own
   * client. Not on install: an app pushed to a whole tenant installs for thousands at once, and
   * their lookups would take the Teams budget the cards need. Should Teams not answer, the turn
   * goes on and the next message tries again.
   */
  private async linkAtFirstContact(context: TurnContext): Promise<void> {
    const address = addressFromActivity(context.activity, this.services.clock.now());
    if (!address) return;
    const correlationId = correlationIdOf(context);
    try {
      const linked = await this.services.linkMember.inChat(address, sourceOf(context), { signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
      if (linked) this.services.logger.info({ correlationId }, 'member added by address linked at first contact');
    } catch (error) {
      this.services.logger.warn({ correlationId, ...describeError(error) }, 'could not ask Teams who wrote: no link this turn');
    }
  }

  /** Stores how to reach this member in their personal chat, for proactive delivery later. */
  private async rememberConversation(context: TurnContext): Promise<void> {
    const address = addressFromActivity(context.activity, this.services.clock.now());
    if (!address) return;
    const known = await this.services.directory.getConversation(address.memberId);
    const changed =
      !known ||
      // Writing to the bot again makes a chat marked unreachable usable again.
      known.inactiveSince !== undefined ||
      known.conversationId !== address.conversationId ||
      known.serviceUrl !== address.serviceUrl ||
      known.locale !== address.locale ||
      (known.userId !== address.userId && address.userId !== address.memberId);
    if (changed) await this.services.directory.saveConversation(address);
  }
}
