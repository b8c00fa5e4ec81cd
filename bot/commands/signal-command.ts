import type { TurnContext } from 'botbuilder';
import { signalFormCard } from '../../cards';
import { MAX_CHILDREN_PER_FORM } from '../../src/domain/routing';
import { destinationOptions } from '../destination-options';
import type { BotServices } from '../services';
import { replyWithCard } from '../reply';
import { localeOf, memberIdOf } from '../turn-info';

/** `signaal`: a Veilig Thuis worker gets an empty form for one child; "Nog een kind" adds more. */
export async function signalCommand(context: TurnContext, services: BotServices): Promise<void> {
  const locale = localeOf(context, services.locale);
  const destinations = await services.issueSignal.destinationsFor(memberIdOf(context));
  await replyWithCard(
    context,
    signalFormCard({
      locale,
      destinations: destinationOptions(destinations, locale),
      children: [{ values: {}, errors: {} }],
      maxChildren: MAX_CHILDREN_PER_FORM,
    }),
  );
}
