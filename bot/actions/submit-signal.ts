import type { TurnContext } from 'botbuilder';
import { issueConfirmationCard, signalFormCard, type AdaptiveCard, type ChildInput } from '../../cards';
import type { ChildProblems } from '../../src/app/issue-signal';
import { MAX_CHILDREN_PER_FORM } from '../../src/domain/routing';
import { destinationOptions } from '../destination-options';
import type { BotServices } from '../services';
import { submissionIdOf } from '../submission-id';
import { localeOf, memberIdOf, sourceOf } from '../turn-info';

/**
 * Verstuur: one signal per child, all or nothing. Invalid input comes back as the same form with
 * the values kept and a message at each wrong field; nothing is stored or sent.
 */
export async function submitSignal(context: TurnContext, services: BotServices, form: ChildInput[]): Promise<AdaptiveCard> {
  const actorId = memberIdOf(context);
  // A child block added by mistake and left empty is not a child.
  const children = form.filter((child, i) => i === 0 || Object.values(child).some((v) => (v ?? '').trim() !== ''));
  const submissionIds = children.map((_, i) => submissionIdOf(context, `child-${i}`));
  const result = await services.issueSignal.execute(actorId, children, sourceOf(context), submissionIds);
  if (!result.ok) return householdForm(context, services, children, result.errors);
  for (const { signal } of result.issued) {
    services.logger.info(
      { signalId: signal.id, reference: signal.reference, route: signal.route, repeated: result.repeated },
      result.repeated ? 'signal submission repeated: already issued' : 'signal issued',
    );
  }
  return issueConfirmationCard({
    locale: localeOf(context, services.locale),
    issuedAt: result.issued[0]?.signal.issuedAt ?? services.clock.now().toISOString(),
    ...(result.repeated ? { repeated: true } : {}),
    signals: result.issued.map(({ signal, destination }, i) => ({
      reference: signal.reference,
      childNumber: i + 1,
      destination:
        destination.kind === 'school'
          ? { kind: 'school', schoolName: destination.school.name, contactCount: destination.contactCount }
          : { kind: 'leerplicht', municipalityName: destination.municipality.name, officerCount: destination.officerCount },
    })),
  });
}

/** "Nog een kind": the same form with one more, empty, child block. */
export async function addChild(context: TurnContext, services: BotServices, children: ChildInput[]): Promise<AdaptiveCard> {
  const more = children.length < MAX_CHILDREN_PER_FORM ? [...children, {}] : children;
  return householdForm(context, services, more, []);
}

async function householdForm(
  context: TurnContext,
  services: BotServices,
  children: ChildInput[],
  errors: ChildProblems[],
): Promise<AdaptiveCard> {
  const locale = localeOf(context, services.locale);
  const destinations = await services.issueSignal.destinationsFor(memberIdOf(context));
  return signalFormCard({
    locale,
    destinations: destinationOptions(destinations, locale),
    children: children.map((values, i) => ({ values, errors: errors[i] ?? {} })),
    maxChildren: MAX_CHILDREN_PER_FORM,
  });
}
