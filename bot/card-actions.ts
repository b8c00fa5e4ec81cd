import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, CardAction, Verb, VerbData } from '../cards';
import { acknowledge } from './actions/acknowledge';
import { bounceSignal, sendToLeerplicht } from './actions/bounce';
import { editSupport } from './actions/edit-support';
import { forwardSignal, noSchool } from './actions/route';
import { saveSupport } from './actions/save-support';
import { addChild, submitSignal } from './actions/submit-signal';
import { takeEscalation } from './actions/take-escalation';
import type { BotServices } from './services';

/** One card verb's handler: its parsed data in, the card that replaces the pressed one out. */
export type CardActionHandler<V extends Verb> = (context: TurnContext, services: BotServices, data: VerbData<V>) => Promise<AdaptiveCard>;

/** Every card verb and the one handler that answers it; the compiler asks for a new verb here. */
export const CARD_ACTIONS: { [V in Verb]: CardActionHandler<V> } = {
  'signal.submit': (context, services, data) => submitSignal(context, services, data.children),
  'signal.add_child': (context, services, data) => addChild(context, services, data.children),
  'signal.bounce': bounceSignal,
  'signal.forward': forwardSignal,
  'signal.no_school': noSchool,
  'signal.to_leerplicht': sendToLeerplicht,
  'escalation.take': takeEscalation,
  'signal.acknowledge': acknowledge,
  'support.save': saveSupport,
  'support.edit': editSupport,
};

/** Runs the handler of a parsed card action. */
export function runCardAction(context: TurnContext, services: BotServices, action: CardAction): Promise<AdaptiveCard> {
  const handler = CARD_ACTIONS[action.verb] as CardActionHandler<typeof action.verb>;
  return handler(context, services, action.data as never);
}
