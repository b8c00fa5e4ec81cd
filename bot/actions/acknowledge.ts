import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * "Gezien — ik pak dit op". The contact who picks it up gets the support form; pressing again
 * (a double click, a Teams retry) gives the same answer; a colleague who was a moment later is
 * told kindly who has it.
 */
export async function acknowledge(context: TurnContext, services: BotServices, data: VerbData<'signal.acknowledge'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const actorId = memberIdOf(context);
  const { cards } = services;
  try {
    const signal = await services.acknowledgeSignal.execute(actorId, data.signalId, sourceOf(context));
    services.logger.info({ signalId: signal.id, reference: signal.reference }, 'signal acknowledged');
    // The contact's card is recorded as the support form now (or as supported), drawn as the
    // dispatcher draws that view: with the child only until the moment to forget it.
    return cards.forView(signal, signal.support ? 'supported' : 'support_form', locale, services.clock.now());
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.alreadyAcknowledged)) throw error;
    const signal = await services.recordSupport.viewAsContact(actorId, data.signalId, sourceOf(context));
    return cards.taken(signal, locale, await cards.schoolName(signal.schoolId));
  }
}
