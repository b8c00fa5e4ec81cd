import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { sameSchoolDay } from '../../src/app/school-day';
import { DomainError, ErrorCodes } from '../../src/domain/errors';
import { schoolNameOf } from '../school-names';
import type { BotServices } from '../services';
import { supportFormFor } from '../render-delivery';
import { localeOf, memberIdOf, originOf } from '../turn-info';

/** Wijzigen: the support form again, filled in, on the day the support was first recorded. */
export async function editSupport(context: TurnContext, services: BotServices, data: VerbData<'support.edit'>): Promise<AdaptiveCard> {
  const signal = await services.recordSupport.viewAsContact(memberIdOf(context), data.signalId, originOf(context));
  if (signal.support && !sameSchoolDay(new Date(signal.support.firstRecordedAt), services.clock.now())) {
    throw new DomainError(ErrorCodes.supportLocked, { signalId: signal.id });
  }
  const schoolName = await schoolNameOf(services.directory, signal.schoolId);
  return supportFormFor(signal, schoolName, localeOf(context, services.locale));
}
