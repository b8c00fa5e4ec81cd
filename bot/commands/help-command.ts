import type { TurnContext } from 'botbuilder';
import { helpCard } from '../../cards';
import type { RoleName } from '../../src/domain/directory';
import type { BotServices } from '../services';
import { replyWithCard } from '../reply';
import { localeOf, memberIdOf } from '../turn-info';

/** `help` / `hulp`: what this user can do here, by the roles the directory gives them. */
export async function helpCommand(context: TurnContext, services: BotServices): Promise<void> {
  const member = await services.directory.getMember(memberIdOf(context));
  const roles = [...new Set((member?.roles ?? []).map((r) => r.role))] as RoleName[];
  await replyWithCard(context, helpCard({ locale: localeOf(context, services.locale), roles }));
}
