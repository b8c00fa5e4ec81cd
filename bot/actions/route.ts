import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, VerbData } from '../../cards';
import type { RouteResult } from '../../src/app/route-signal';
import { ErrorCodes, isDomainError } from '../../src/domain/errors';
import type { BotServices } from '../services';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/** Doorsturen: leerplicht forwards the signal to the chosen school. */
export async function forwardSignal(context: TurnContext, services: BotServices, data: VerbData<'signal.forward'>): Promise<AdaptiveCard> {
  return kindlyWhenTaken(context, services, data.signalId, async () => {
    const result = await services.routeSignal.forward(memberIdOf(context), data.signalId, data.schoolId, sourceOf(context));
    return answer(context, services, result, { schoolId: data.schoolId }, 'signal forwarded');
  });
}

/** Geen school gevonden: leerplicht closes the signal with a reason; the worker is told. */
export async function noSchool(context: TurnContext, services: BotServices, data: VerbData<'signal.no_school'>): Promise<AdaptiveCard> {
  return kindlyWhenTaken(context, services, data.signalId, async () => {
    const result = await services.routeSignal.noSchool(memberIdOf(context), data.signalId, data.reason, sourceOf(context));
    return answer(context, services, result, { reason: data.reason }, 'no school found');
  });
}

/**
 * Another officer was first: show what they did (forwarded where, or no school), the same card
 * the dispatcher puts in every officer's chat.
 */
async function kindlyWhenTaken(context: TurnContext, services: BotServices, signalId: string, act: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
  try {
    return await act();
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.alreadyRouted) && !isDomainError(error, ErrorCodes.alreadyClosed)) throw error;
    const signal = await services.routeSignal.viewAsOfficer(memberIdOf(context), signalId, sourceOf(context));
    const view = signal.state === 'unroutable' ? 'route_closed' : 'routed';
    return services.cards.forView(signal, view, localeOf(context, services.locale), services.clock.now());
  }
}

async function answer(
  context: TurnContext,
  services: BotServices,
  result: RouteResult,
  values: { schoolId?: string | undefined; reason?: string | undefined },
  event: string,
): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const { signal } = result;
  if (!result.ok) {
    const kept = { ...(values.schoolId ? { schoolId: values.schoolId } : {}), ...(values.reason ? { reason: values.reason } : {}) };
    return services.cards.route(signal, locale, services.clock.now(), { values: kept, errors: result.problems });
  }
  services.logger.info({ signalId: signal.id, reference: signal.reference, state: signal.state }, event);
  return services.cards.forView(signal, signal.state === 'unroutable' ? 'route_closed' : 'routed', locale, services.clock.now());
}
