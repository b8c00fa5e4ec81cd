import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { sameSchoolDay } from '../../src/app/school-day';
import { DomainError, ErrorCodes } from '../../src/domain/errors';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/** Wijzigen: the support form again, filled in, on the day the support was first recorded. */
export async function editSupport(context: TurnContext, services: BotServices, data: VerbData<'support.edit'>): Promise<AdaptiveCard> {
  const signal = await services.recordSupport.viewAsContact(memberIdOf(context), data.signalId, sourceOf(context));
  if (signal.support && !sameSchoolDay(new Date(signal.support.firstRecordedAt), services.clock.now())) {
    throw new DomainError(ErrorCodes.supportLocked, { signalId: signal.id });
  }
  return services.cards.supportForm(signal, localeOf(context, services.locale), await services.cards.schoolName(signal.schoolId));
}
