import { MessengerError, REDRAW_DUE, type CallOptions, type ChatUser, type ConversationAddress, type Messenger, type OutboundCard } from '../../src/ports';
import { aConversation } from '../fixtures/directory';

/** One call the core made to Teams, successful or not. */
export interface MessengerCall {
  kind: 'send' | 'update';
  memberId: string;
  conversationId: string;
  /** The message id Teams gave (send) or was asked to change (update). */
  activityId?: string;
  card: OutboundCard;
  ok: boolean;
}

/** A held call: `reached` resolves once a call is waiting at the gate; `release` lets it go on. */
export interface Gate {
  reached: Promise<void>;
  release(): void;
}

/**
 * A hand-written Messenger: records every send and update, and can be told to fail the way
 * Teams fails (a MessengerError with its code, retryability and Retry-After) for one member or
 * for the next N calls, to refuse opening a personal chat, or to hold a call until released.
 */
export class FakeMessenger implements Messenger {
  readonly calls: MessengerCall[] = [];
  /** Members for whom a personal chat was opened, in order. */
  readonly openedChats: string[] = [];
  /** Who each chat's user is to Teams, by member id (lookUpUser); unknown: Teams names nothing. */
  readonly users = new Map<string, ChatUser>();
  /** Members whose chat user was looked up, in order. */
  readonly lookedUp: string[] = [];
  private nextActivity = 1;
  private readonly failuresFor = new Map<string, { error: MessengerError; remaining: number }>();
  private readonly nextFailures: MessengerError[] = [];
  private readonly unopenable = new Map<string, MessengerError>();
  private readonly gates = new Map<string, { arrived: () => void; opened: Promise<void> }>();

  /** Calls to `memberId` fail with `error`, `times` times (default: until told otherwise). */
  failFor(memberId: string, error: MessengerError, times = Number.POSITIVE_INFINITY): void {
    this.failuresFor.set(memberId, { error, remaining: times });
  }

  stopFailingFor(memberId: string): void {
    this.failuresFor.delete(memberId);
  }

  /** The next `count` sends or updates, to anyone, fail with `error`. */
  failNext(count: number, error: MessengerError): void {
    for (let i = 0; i < count; i++) this.nextFailures.push(error);
  }

  /** Opening a personal chat with `memberId` fails, as when the app is not installed for them. */
  cannotOpenChatWith(memberId: string, error = new MessengerError('http_403_BotNotInConversationRoster', false)): void {
    this.unopenable.set(memberId, error);
  }

  /**
   * Holds the next send or update to `memberId` until the gate is released. Like TeamsMessenger
   * once a call's turn has come, it then asks whether the card may still go (`stillSendable`).
   */
  holdNextCallTo(memberId: string): Gate {
    let arrived!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const opened = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(memberId, { arrived, opened });
    return { reached, release };
  }

  async send(to: ConversationAddress, card: OutboundCard, options: CallOptions = {}): Promise<{ activityId: string }> {
    await this.passGate(to.memberId, options.signal);
    refuseWhenNoLongerSendable(options);
    const failure = this.failureFor(to.memberId);
    if (failure) {
      this.calls.push({ kind: 'send', memberId: to.memberId, conversationId: to.conversationId, card, ok: false });
      throw failure;
    }
    const activityId = `activity-${this.nextActivity++}`;
    this.calls.push({ kind: 'send', memberId: to.memberId, conversationId: to.conversationId, activityId, card, ok: true });
    return { activityId };
  }

  async update(to: ConversationAddress, activityId: string, card: OutboundCard, options: CallOptions = {}): Promise<void> {
    await this.passGate(to.memberId, options.signal);
    refuseWhenNoLongerSendable(options);
    const failure = this.failureFor(to.memberId);
    this.calls.push({ kind: 'update', memberId: to.memberId, conversationId: to.conversationId, activityId, card, ok: !failure });
    if (failure) throw failure;
  }

  async openPersonalChat(memberId: string): Promise<ConversationAddress> {
    const refusal = this.unopenable.get(memberId);
    if (refusal) throw refusal;
    this.openedChats.push(memberId);
    return aConversation({ memberId, conversationId: `a:opened-${memberId}`, userId: `29:opened-${memberId}`, updatedAt: '2026-03-02T19:30:00.000Z' });
  }

  /** Set: every lookUpUser fails with it, as when Teams does not answer. */
  lookUpFailure: MessengerError | undefined;

  async lookUpUser(at: ConversationAddress): Promise<ChatUser> {
    this.lookedUp.push(at.memberId);
    if (this.lookUpFailure) throw this.lookUpFailure;
    return this.users.get(at.memberId) ?? {};
  }

  /** Successful sends and updates to one member, in order. */
  delivered(memberId: string): MessengerCall[] {
    return this.calls.filter((c) => c.memberId === memberId && c.ok);
  }

  /** Every attempt (failed ones too) to reach one member. */
  attemptsTo(memberId: string): MessengerCall[] {
    return this.calls.filter((c) => c.memberId === memberId);
  }

  private failureFor(memberId: string): MessengerError | undefined {
    const next = this.nextFailures.shift();
    if (next) return next;
    const forMember = this.failuresFor.get(memberId);
    if (!forMember) return undefined;
    forMember.remaining -= 1;
    if (forMember.remaining <= 0) this.failuresFor.delete(memberId);
    return forMember.error;
  }

  /** Waits at a held gate until it is released, or fails as a cancelled call when `signal` aborts first. */
  private async passGate(memberId: string, signal?: AbortSignal): Promise<void> {
    const gate = this.gates.get(memberId);
    if (!gate) return;
    this.gates.delete(memberId);
    gate.arrived();
    if (!signal) return gate.opened;
    await Promise.race([
      gate.opened,
      new Promise<never>((_, reject) => {
        const cancelled = () => reject(new MessengerError('timeout', true, undefined, true));
        if (signal.aborted) cancelled();
        else signal.addEventListener('abort', cancelled, { once: true });
      }),
    ]);
  }
}

/** As TeamsMessenger does when a call's turn comes: a card that may no longer go is not sent. */
function refuseWhenNoLongerSendable(options: CallOptions): void {
  if (options.stillSendable && !options.stillSendable()) throw new MessengerError(REDRAW_DUE, true);
}
