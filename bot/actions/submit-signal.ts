import type { TurnContext } from 'botbuilder';
import { issueConfirmationCard, signalFormCard, type AdaptiveCard, type VerbData } from '../../cards';
import type { BotServices } from '../services';
import { submissionIdOf } from '../submission-id';
import { localeOf, memberIdOf, originOf } from '../turn-info';

/**
 * The worker pressed Verstuur. Invalid input comes back as the same form with the values kept
 * and a message at each wrong field; nothing is stored or sent.
 */
export async function submitSignal(context: TurnContext, services: BotServices, data: VerbData<'signal.submit'>): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const actorId = memberIdOf(context);
  const result = await services.issueSignal.execute(actorId, data, originOf(context), submissionIdOf(context));
  if (!result.ok) {
    const schools = await services.issueSignal.schoolsFor(actorId);
    return signalFormCard({ locale, schools: schools.map(({ id, name }) => ({ id, name })), values: data, errors: result.errors });
  }
  services.logger.info(
    { signalId: result.signal.id, reference: result.signal.reference, schoolId: result.school.id, repeated: result.repeated },
    result.repeated ? 'signal submission repeated: already issued' : 'signal issued',
  );
  return issueConfirmationCard({
    locale,
    reference: result.signal.reference,
    schoolName: result.school.name,
    issuedAt: result.signal.issuedAt,
    contactCount: result.contactCount,
  });
}
