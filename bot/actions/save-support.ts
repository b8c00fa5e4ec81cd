import type { TurnContext } from 'botbuilder';
import { supportFormCard, type AdaptiveCard, type VerbData } from '../../cards';
import { SUPPORT_CATEGORIES, type PriorConcern } from '../../src/domain/support';
import { schoolNameOf } from '../school-names';
import type { BotServices } from '../services';
import { supportRecordedFor } from '../render-delivery';
import { localeOf, memberIdOf, originOf } from '../turn-info';

/** Opslaan on the support form: categories and the prior-concern answer, never free text. */
export async function saveSupport(context: TurnContext, services: BotServices, data: VerbData<'support.save'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const result = await services.recordSupport.execute(memberIdOf(context), data, originOf(context));
  const schoolName = await schoolNameOf(services.directory, result.signal.schoolId);
  if (result.ok) {
    services.logger.info({ signalId: result.signal.id, reference: result.signal.reference }, 'support recorded');
    return supportRecordedFor(result.signal, schoolName, locale, services.clock.now());
  }
  const picked = (data.categories ?? '').split(',');
  const priorConcern = (['yes', 'no', 'unknown'] as PriorConcern[]).find((a) => a === data.priorConcern);
  return supportFormCard({
    locale,
    signalId: result.signal.id,
    reference: result.signal.reference,
    schoolName,
    ...(result.signal.child ? { child: result.signal.child } : {}),
    values: { categories: SUPPORT_CATEGORIES.filter((c) => picked.includes(c)), ...(priorConcern ? { priorConcern } : {}) },
    errors: Object.fromEntries(result.problems.map((p) => [p.field, p.problem])),
  });
}
