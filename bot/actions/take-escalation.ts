import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * "Ik neem contact op": a coordinator takes an escalated signal on. A colleague who was a moment
 * later sees who has it, the same card every coordinator's chat gets.
 */
export async function takeEscalation(context: TurnContext, services: BotServices, data: VerbData<'escalation.take'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const actorId = memberIdOf(context);
  let signal;
  try {
    signal = await services.takeEscalation.execute(actorId, data.signalId, sourceOf(context));
    services.logger.info({ signalId: signal.id, reference: signal.reference }, 'escalation taken');
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.escalationTaken)) throw error;
    signal = await services.takeEscalation.view(actorId, data.signalId, sourceOf(context));
  }
  return services.cards.forView(signal, 'escalation_taken', locale, services.clock.now());
}
