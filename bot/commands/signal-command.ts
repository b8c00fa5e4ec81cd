import type { TurnContext } from 'botbuilder';
import { signalFormCard } from '../../cards';
import type { BotServices } from '../services';
import { replyWithCard } from '../reply';
import { localeOf, memberIdOf } from '../turn-info';

/** `signaal`: a Veilig Thuis worker gets the empty form with the schools they may choose. */
export async function signalCommand(context: TurnContext, services: BotServices): Promise<void> {
  const locale = localeOf(context, services.locale);
  const schools = await services.issueSignal.schoolsFor(memberIdOf(context));
  await replyWithCard(
    context,
    signalFormCard({ locale, schools: schools.map(({ id, name }) => ({ id, name })), values: {}, errors: {} }),
  );
}
