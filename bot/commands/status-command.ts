import type { TurnContext } from 'botbuilder';
import { leerplichtStatusCard, statusCard } from '../../cards';
import { STATUS_DAYS } from '../../src/app/list-my-signals';
import { hasRole } from '../../src/domain/directory';
import { DomainError, ErrorCodes } from '../../src/domain/errors';
import type { BotServices } from '../services';
import { replyWithCard } from '../reply';
import { schoolNames } from '../school-names';
import { schoolsInSteps, statusSteps } from '../status-steps';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * `status`: a Veilig Thuis worker sees each of their signals of the last two weeks with every
 * step; a leerplicht officer sees what waits for them. Someone with both roles gets both.
 */
export async function statusCommand(context: TurnContext, services: BotServices): Promise<void> {
  const locale = localeOf(context, services.locale);
  const actorId = memberIdOf(context);
  const member = await services.directory.getMember(actorId);
  const worker = hasRole(member, 'vt_worker');
  const officer = hasRole(member, 'leerplicht');
  if (!worker && !officer) throw new DomainError(member ? ErrorCodes.roleRequired : ErrorCodes.unknownMember, { role: 'vt_worker' });

  if (worker) {
    const signals = await services.listMySignals.execute(actorId, sourceOf(context));
    const names = await schoolNames(services.directory, signals.flatMap(schoolsInSteps));
    const rows = signals.map((s) => ({ reference: s.reference, state: s.state, at: s.stateChangedAt, steps: statusSteps(s, names) }));
    await replyWithCard(context, statusCard({ locale, days: STATUS_DAYS, rows }));
  }
  if (officer) {
    const waiting = await services.listAwaitingRouting.execute(actorId, sourceOf(context));
    const rows = await Promise.all(
      waiting.map(async (s) => ({
        reference: s.reference,
        municipalityName: await services.cards.municipalityName(s.municipalityId),
        issuedAt: s.issuedAt,
        ...(s.bounce ? { returnedBy: await services.cards.schoolName(s.bounce.schoolId) } : {}),
      })),
    );
    await replyWithCard(context, leerplichtStatusCard({ locale, rows }));
  }
}
