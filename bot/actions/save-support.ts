import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import { SUPPORT_CATEGORIES, PRIOR_CONCERN_ANSWERS } from '../../src/domain/support';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/** Opslaan on the support form: categories and the prior-concern answer, never free text. */
export async function saveSupport(context: TurnContext, services: BotServices, data: VerbData<'support.save'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const { cards } = services;
  const result = await services.recordSupport.execute(memberIdOf(context), data, sourceOf(context));
  const schoolName = await cards.schoolName(result.signal.schoolId);
  if (result.ok) {
    services.logger.info({ signalId: result.signal.id, reference: result.signal.reference }, 'support recorded');
    return cards.supported(result.signal, locale, schoolName, services.clock.now());
  }
  // Back to the form with what was picked kept and a message at each missing answer. Without the
  // child: the form may be the one Wijzigen or the support reminder showed, on a card that is
  // never drawn again when the child is forgotten.
  const picked = (data.categories ?? '').split(',');
  const priorConcern = PRIOR_CONCERN_ANSWERS.find((a) => a === data.priorConcern);
  return cards.supportForm(result.signal, locale, schoolName, {
    withChild: false,
    form: {
      values: { categories: SUPPORT_CATEGORIES.filter((c) => picked.includes(c)), ...(priorConcern ? { priorConcern } : {}) },
      errors: Object.fromEntries(result.problems.map((p) => [p.field, p.problem])),
    },
  });
}
