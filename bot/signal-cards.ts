import {
  accessEndedCard,
  bouncedNoticeCard,
  contactSignalCard,
  deliveryAlertCard,
  escalationCard,
  escalationTakenCard,
  forgottenSignalCard,
  reminderCard,
  supportReminderCard,
  routeCard,
  routeClosedCard,
  routedCard,
  supportFormCard,
  supportRecordedCard,
  takenCard,
  unroutableNoticeCard,
  withdrawnCard,
  type AdaptiveCard,
  type Locale,
  type RouteView,
  type SupportFormView,
} from '../cards';
import { asVisibleAt } from '../src/domain/forgetting';
import { forwardableSchools } from '../src/domain/routing';
import { canChangeSupport, type DeliveryView, type Signal } from '../src/domain/signal';
import type { DirectoryStore } from '../src/ports';

/**
 * Builds any card about a signal, for the dispatcher (a recipient's view) and for invoke answers
 * alike, with school and municipality names looked up once per card.
 */
export class SignalCards {
  constructor(private readonly directory: DirectoryStore) {}

  /** The card for a delivery's view. `schoolId` is the school the card belongs to, for contacts. */
  async forView(snapshot: Signal, view: DeliveryView, locale: Locale, now: Date, schoolId = snapshot.schoolId, about?: string): Promise<AdaptiveCard> {
    const signal = asVisibleAt(snapshot, now);
    const schoolName = await this.schoolName(schoolId);
    switch (view) {
      case 'signal':
        if (!signal.child) return this.forgotten(signal, locale, 'school', schoolName);
        return contactSignalCard({ locale, signalId: signal.id, reference: signal.reference, child: signal.child, schoolName, issuedAt: signal.issuedAt });
      case 'taken':
        return this.taken(signal, locale, schoolName);
      case 'support_form':
        // The card Gezien turned into: redrawn without the child when the child is forgotten.
        return this.supportForm(signal, locale, schoolName, { withChild: true });
      case 'supported':
        return this.supported(signal, locale, schoolName, now);
      case 'access_ended':
        return schoolId
          ? accessEndedCard({ locale, reference: signal.reference, placeLabel: 'school', placeName: schoolName })
          : accessEndedCard({ locale, reference: signal.reference, placeLabel: 'municipality', placeName: await this.municipalityName(signal.municipalityId) });
      case 'withdrawn':
        return withdrawnCard({ locale, reference: signal.reference, schoolName, byName: signal.bounce?.byName ?? '', at: signal.bounce?.at ?? signal.stateChangedAt });
      case 'route':
        return this.route(signal, locale, now);
      case 'routed':
        return this.routed(signal, locale);
      case 'route_closed':
        return routeClosedCard({
          locale,
          reference: signal.reference,
          municipalityName: await this.municipalityName(signal.municipalityId),
          byName: signal.unroutable?.byName ?? '',
          at: signal.unroutable?.at ?? signal.stateChangedAt,
          reason: signal.unroutable?.reason ?? 'other',
        });
      case 'bounced_notice':
      case 'bounce_rerouted': {
        const reroutedAt = signal.timeline.filter((e) => e.type === 'to_leerplicht' && e.at > (signal.bounce?.at ?? '')).at(-1)?.at;
        return bouncedNoticeCard({
          locale,
          signalId: signal.id,
          reference: signal.reference,
          schoolName: await this.schoolName(signal.bounce?.schoolId),
          at: signal.bounce?.at ?? signal.stateChangedAt,
          municipalityName: await this.municipalityName(signal.municipalityId),
          ...(view === 'bounce_rerouted' && reroutedAt ? { rerouted: { at: reroutedAt } } : {}),
          ...(signal.child ? {} : { forgotten: true }),
        });
      }
      case 'reminder':
        return reminderCard({ locale, reference: signal.reference, schoolName, dueAt: signal.schedule?.dueAt ?? signal.issuedAt });
      case 'support_reminder':
        return supportReminderCard({ locale, signalId: signal.id, reference: signal.reference, schoolName, issuedAt: signal.issuedAt });
      case 'escalation':
      case 'escalation_no_coordinator':
        return escalationCard({
          locale,
          signalId: signal.id,
          reference: signal.reference,
          schoolName,
          issuedAt: signal.issuedAt,
          dueAt: signal.schedule?.dueAt ?? signal.issuedAt,
          contactNames: signal.deliveries
            .filter((d) => d.role === 'school_contact' && d.schoolId === signal.schoolId && d.view !== 'reminder' && d.view !== 'support_reminder')
            .map((d) => d.recipientName),
          ...(view === 'escalation_no_coordinator' ? { noCoordinator: true } : {}),
        });
      case 'escalation_taken':
        return escalationTakenCard({
          locale,
          reference: signal.reference,
          schoolName,
          byName: signal.escalation?.takenBy?.byName ?? '',
          at: signal.escalation?.takenBy?.at ?? signal.stateChangedAt,
        });
      case 'delivery_alert':
      case 'name_alert': {
        // What the alert says is fixed when it is raised (its view), not read from the state now.
        const failed = signal.deliveries.find((d) => d.key === about);
        return deliveryAlertCard({
          locale,
          reference: signal.reference,
          recipientName: failed?.recipientName ?? '',
          role: failed?.role ?? 'school_contact',
          reason: failed?.lastError ?? '',
          at: now.toISOString(),
          ...(view === 'name_alert' ? { nameNotRemoved: true } : {}),
        });
      }
      case 'unroutable_notice':
        return unroutableNoticeCard({
          locale,
          reference: signal.reference,
          municipalityName: await this.municipalityName(signal.municipalityId),
          reason: signal.unroutable?.reason ?? 'other',
          byName: signal.unroutable?.byName ?? '',
          at: signal.unroutable?.at ?? signal.stateChangedAt,
        });
    }
  }

  /** A card that named the child, drawn again once the child is forgotten. */
  forgotten(signal: Signal, locale: Locale, placeLabel: 'school' | 'municipality', placeName: string): AdaptiveCard {
    const ack = signal.acknowledgement;
    return forgottenSignalCard({
      locale,
      reference: signal.reference,
      placeLabel,
      placeName,
      issuedAt: signal.issuedAt,
      redactedAt: signal.redactedAt ?? signal.stateChangedAt,
      ...(ack ? { takenBy: { byName: ack.byName, at: ack.at } } : {}),
    });
  }

  taken(signal: Signal, locale: Locale, schoolName: string): AdaptiveCard {
    const ack = signal.acknowledgement;
    return takenCard({ locale, reference: signal.reference, schoolName, issuedAt: signal.issuedAt, byName: ack?.byName ?? '', at: ack?.at ?? signal.stateChangedAt });
  }

  /**
   * The support form, filled in with what was recorded, or with `form` when it comes back with
   * errors. `withChild` only where the card it replaces is one the delivery records as the
   * support form (Gezien's answer, the delivery's own view): such a card is drawn again when the
   * child is forgotten. Any other answer (Wijzigen, the support reminder, Opslaan with an answer
   * missing) lands on a card that is never drawn again, so it must not name the child; the
   * reference says which signal it is.
   */
  supportForm(signal: Signal, locale: Locale, schoolName: string, options: { withChild: boolean; form?: Pick<SupportFormView, 'values' | 'errors'> }): AdaptiveCard {
    const recorded = signal.support;
    const { form } = options;
    return supportFormCard({
      locale,
      signalId: signal.id,
      reference: signal.reference,
      schoolName,
      ...(signal.child
        ? options.withChild
          ? { child: signal.child }
          : {}
        : signal.supportClosesAt
          ? { supportClosesAt: signal.supportClosesAt }
          : {}),
      ...(form ?? {
        values: { categories: recorded?.categories ?? [], ...(recorded ? { priorConcern: recorded.priorConcern } : {}) },
        errors: {},
      }),
    });
  }

  supported(signal: Signal, locale: Locale, schoolName: string, now: Date): AdaptiveCard {
    const support = signal.support;
    if (!support) return this.supportForm(signal, locale, schoolName, { withChild: false });
    return supportRecordedCard({
      locale,
      signalId: signal.id,
      reference: signal.reference,
      schoolName,
      categories: support.categories,
      priorConcern: support.priorConcern,
      recordedAt: support.recordedAt,
      canChange: canChangeSupport(signal, now),
    });
  }

  /**
   * Leerplicht's card to forward the signal, with `form` when it comes back with a problem; with
   * the child only until the moment to forget it, after that the forgotten card.
   */
  async route(snapshot: Signal, locale: Locale, now: Date, form: Pick<RouteView, 'values' | 'errors'> = { values: {}, errors: {} }): Promise<AdaptiveCard> {
    const signal = asVisibleAt(snapshot, now);
    if (!signal.child) return this.forgotten(signal, locale, 'municipality', await this.municipalityName(signal.municipalityId));
    const schools = forwardableSchools(await this.directory.listAllSchools(), signal.triedSchoolIds);
    const triedSchoolNames = await Promise.all(signal.triedSchoolIds.map((id) => this.schoolName(id)));
    return routeCard({
      locale,
      signalId: signal.id,
      reference: signal.reference,
      child: signal.child,
      municipalityName: await this.municipalityName(signal.municipalityId),
      issuedAt: signal.issuedAt,
      schools: schools.map(({ id, name }) => ({ id, name })),
      triedSchoolNames,
      ...(signal.bounce ? { returnedBy: { schoolName: await this.schoolName(signal.bounce.schoolId), at: signal.bounce.at } } : {}),
      ...form,
    });
  }

  async routed(signal: Signal, locale: Locale): Promise<AdaptiveCard> {
    return routedCard({
      locale,
      reference: signal.reference,
      municipalityName: await this.municipalityName(signal.municipalityId),
      issuedAt: signal.issuedAt,
      byName: signal.forwarding?.byName ?? '',
      at: signal.forwarding?.at ?? signal.stateChangedAt,
      schoolName: await this.schoolName(signal.forwarding?.schoolId),
    });
  }

  async schoolName(schoolId: string | undefined): Promise<string> {
    if (!schoolId) return '';
    return (await this.directory.getSchool(schoolId))?.name ?? schoolId;
  }

  async municipalityName(municipalityId: string): Promise<string> {
    return (await this.directory.getMunicipality(municipalityId))?.name ?? municipalityId;
  }
}
