import { CardFactory, MessageFactory, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards';

export async function replyWithCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** The Universal Actions answer: the card that replaces the one the user pressed a button on. */
export function cardInvokeResponse(card: AdaptiveCard): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
  };
}
