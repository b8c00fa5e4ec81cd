import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import { schoolNameOf } from '../school-names';
import type { BotServices } from '../services';
import { supportFormFor, supportRecordedFor, takenCardFor } from '../render-delivery';
import { localeOf, memberIdOf, originOf } from '../turn-info';

/**
 * "Gezien — ik pak dit op". The contact who picks it up gets the support form; pressing again
 * (a double click, a Teams retry) gives the same answer; a colleague who was a moment later is
 * told kindly who has it.
 */
export async function acknowledge(context: TurnContext, services: BotServices, data: VerbData<'signal.acknowledge'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const actorId = memberIdOf(context);
  try {
    const signal = await services.acknowledgeSignal.execute(actorId, data.signalId, originOf(context));
    const schoolName = await schoolNameOf(services.directory, signal.schoolId);
    services.logger.info({ signalId: signal.id, reference: signal.reference }, 'signal acknowledged');
    return signal.support
      ? supportRecordedFor(signal, schoolName, locale, services.clock.now())
      : supportFormFor(signal, schoolName, locale);
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.alreadyAcknowledged)) throw error;
    const signal = await services.recordSupport.viewAsContact(actorId, data.signalId, originOf(context));
    const schoolName = await schoolNameOf(services.directory, signal.schoolId);
    return takenCardFor(signal, schoolName, locale);
  }
}
