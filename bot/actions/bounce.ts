import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/** "Niet onze leerling": the signal goes back; this contact's card loses the child's name at once. */
export async function bounceSignal(context: TurnContext, services: BotServices, data: VerbData<'signal.bounce'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const actorId = memberIdOf(context);
  try {
    const signal = await services.bounceSignal.execute(actorId, data.signalId, sourceOf(context));
    services.logger.info({ signalId: signal.id, reference: signal.reference, route: signal.route }, 'signal bounced');
    return services.cards.forView(signal, 'withdrawn', locale, services.clock.now(), signal.bounce?.schoolId);
  } catch (error) {
    // A colleague pressed Gezien first: the school has it, and this contact is told who.
    if (!isDomainError(error, ErrorCodes.alreadyAcknowledged)) throw error;
    const signal = await services.recordSupport.viewAsContact(actorId, data.signalId, sourceOf(context));
    return services.cards.taken(signal, locale, await services.cards.schoolName(signal.schoolId));
  }
}

/** The issuing worker lets leerplicht find the school after a direct signal came back. */
export async function sendToLeerplicht(context: TurnContext, services: BotServices, data: VerbData<'signal.to_leerplicht'>): Promise<AdaptiveCard> {
  const signal = await services.bounceSignal.sendToLeerplicht(memberIdOf(context), data.signalId, sourceOf(context));
  services.logger.info({ signalId: signal.id, reference: signal.reference }, 'bounced signal sent to leerplicht');
  return services.cards.forView(signal, 'bounce_rerouted', localeOf(context, services.locale), services.clock.now());
}
