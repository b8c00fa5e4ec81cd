import type { TurnContext } from 'botbuilder';
import { statusCard } from '../../cards';
import { STATUS_DAYS } from '../../src/app/list-my-signals';
import type { BotServices } from '../services';
import { replyWithCard } from '../reply';
import { localeOf, memberIdOf, originOf } from '../turn-info';
import { schoolNames } from '../school-names';

/** `status`: a Veilig Thuis worker's signals of the last two weeks, by reference code. */
export async function statusCommand(context: TurnContext, services: BotServices): Promise<void> {
  const locale = localeOf(context, services.locale);
  const signals = await services.listMySignals.execute(memberIdOf(context), originOf(context));
  const names = await schoolNames(services.directory, signals.map((s) => s.schoolId));
  await replyWithCard(
    context,
    statusCard({
      locale,
      days: STATUS_DAYS,
      rows: signals.map((s) => ({
        reference: s.reference,
        schoolName: names.get(s.schoolId) ?? s.schoolId,
        state: s.state,
        at: s.stateChangedAt,
      })),
    }),
  );
}
