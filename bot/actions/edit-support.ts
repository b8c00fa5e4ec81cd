import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { DomainError, ErrorCodes } from '../../src/domain/errors';
import { canChangeSupport } from '../../src/domain/signal';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * Wijzigen (on the recorded support, the day it was first recorded) and the support reminder's
 * button: the support form again, filled in, for the contact who picked the signal up. Without
 * the child: the card it replaces stays recorded as what it was (supported, the reminder), so it
 * is never drawn again when the child is forgotten.
 */
export async function editSupport(context: TurnContext, services: BotServices, data: VerbData<'support.edit'>): Promise<AdaptiveCard> {
  const signal = await services.recordSupport.viewAsSupporter(memberIdOf(context), data.signalId, sourceOf(context));
  if (!canChangeSupport(signal, services.clock.now())) {
    throw new DomainError(ErrorCodes.supportLocked, { signalId: signal.id });
  }
  return services.cards.supportForm(signal, localeOf(context, services.locale), await services.cards.schoolName(signal.schoolId), { withChild: false });
}
