/**
 * Every Dutch text a user reads, cards and bot answers alike. Warm, short, je-vorm.
 * `en.ts` has the same shape (checked by the compiler and by test/cards/strings.test.ts).
 * Texts never mention a child's data themselves: names arrive only as card values.
 */
import { MAX_AGE, MIN_AGE, NAME_MAX_LENGTH } from '../../src/domain/child';
import type { ErrorCode } from '../../src/domain/errors';
import type { ClosingReason } from '../../src/domain/routing';
import type { SignalState } from '../../src/domain/signal';
import type { RouteSchoolProblem, SignalFormProblem } from '../view-models';

export const nl = {
  common: {
    appName: 'Handle with Care',
    reference: 'Referentie',
    school: 'School',
    child: 'Kind',
    birthDate: 'Geboortedatum',
    issuedAt: 'Verstuurd op',
    municipality: 'Gemeente',
  },

  signalForm: {
    title: 'Handle with Care — nieuw signaal',
    intro:
      'Vul alleen de naam en de geboortedatum van het kind in en kies de school. Schrijf hier niets over wat er is gebeurd.',
    /** Above each child's fields, only when the form has more than one child. */
    child: (childNumber: number): string => `Kind ${childNumber}`,
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    birthDate: 'Geboortedatum',
    school: 'School',
    schoolPlaceholder: 'Zoek een school',
    /** The School choice's entry for a municipality's leerplicht; the bot builds it per municipality. */
    viaLeerplicht: (municipalityName: string): string => `School onbekend — via leerplicht ${municipalityName}`,
    leerplichtHint: 'Weet je de school niet? Kies dan „School onbekend — via leerplicht”: de leerplichtambtenaar zoekt de school op.',
    householdHint: 'Meer kinderen in het gezin? Druk op **Nog een kind**. Elk kind krijgt een eigen signaal.',
    addChild: 'Nog een kind',
    submit: 'Verstuur signaal',
  },

  /** What is wrong with a form field, per field; `any` covers a pairing no field should get. */
  signalFormProblems: {
    firstName: {
      required: 'Vul een voornaam in.',
      tooLong: `De voornaam mag maximaal ${NAME_MAX_LENGTH} tekens lang zijn.`,
      characters: 'Gebruik in de voornaam alleen letters, spaties, koppeltekens en apostroffen.',
      invisible: 'In de voornaam staan onzichtbare tekens. Typ de naam opnieuw in plaats van hem te plakken.',
      combiningMarks: 'In de voornaam staan te veel accenten op één letter.',
      mixedScripts: 'In de voornaam staan letters uit verschillende schriften, zoals Latijnse en Cyrillische. Typ de naam in één schrift.',
    },
    lastName: {
      required: 'Vul een achternaam in.',
      tooLong: `De achternaam mag maximaal ${NAME_MAX_LENGTH} tekens lang zijn.`,
      characters: 'Gebruik in de achternaam alleen letters, spaties, koppeltekens en apostroffen.',
      invisible: 'In de achternaam staan onzichtbare tekens. Typ de naam opnieuw in plaats van hem te plakken.',
      combiningMarks: 'In de achternaam staan te veel accenten op één letter.',
      mixedScripts: 'In de achternaam staan letters uit verschillende schriften, zoals Latijnse en Cyrillische. Typ de naam in één schrift.',
    },
    birthDate: {
      required: 'Vul een geboortedatum in.',
      invalid: 'Dit is geen geldige datum.',
      tooYoung: `Het kind moet minstens ${MIN_AGE} jaar oud zijn.`,
      tooOld: `Het kind mag hoogstens ${MAX_AGE} jaar oud zijn.`,
    },
    schoolId: {
      required: 'Kies een school.',
      notAllowed: 'Kies een school uit de lijst.',
      noContacts:
        'Voor deze school is nog geen contactpersoon bekend. Neem zelf contact op met de school en vraag de functioneel beheerder van de gemeente om contactpersonen toe te voegen.',
    },
    any: {
      required: 'Vul dit veld in.',
      tooLong: `Maximaal ${NAME_MAX_LENGTH} tekens.`,
      characters: 'Alleen letters, spaties, koppeltekens en apostroffen.',
      invisible: 'Hier staan onzichtbare tekens. Typ de tekst opnieuw in plaats van hem te plakken.',
      combiningMarks: 'Te veel accenten op één letter.',
      mixedScripts: 'Gebruik letters uit één schrift.',
      invalid: 'Dit is geen geldige waarde.',
      tooYoung: `Het kind moet minstens ${MIN_AGE} jaar oud zijn.`,
      tooOld: `Het kind mag hoogstens ${MAX_AGE} jaar oud zijn.`,
      notAllowed: 'Kies een waarde uit de lijst.',
      noContacts: 'Voor deze keuze is nog niemand bekend die het signaal kan ontvangen.',
    } satisfies Record<SignalFormProblem, string>,
  },

  issueConfirmation: {
    title: 'Signaal verstuurd',
    titleMany: (count: number): string => `${count} signalen verstuurd`,
    alreadySent:
      'Dit formulier was al verstuurd. Hieronder staat wat er toen is verstuurd; wat je daarna hebt veranderd, is niet meegestuurd. Moet er iets anders naar een school? Stuur dan een nieuw signaal met **signaal**.',
    referenceHint: 'Noem deze code als je over dit signaal belt of mailt.',
    referenceHintMany: 'Elk kind heeft een eigen code. Noem die als je over dat signaal belt of mailt.',
    sentAt: 'Verstuurd op',
    recipients: (count: number): string =>
      count === 1
        ? 'De school krijgt het signaal nu in Teams, bij 1 contactpersoon.'
        : `De school krijgt het signaal nu in Teams, bij ${count} contactpersonen.`,
    leerplichtRecipients: (municipalityName: string, count: number): string =>
      count === 1
        ? `Leerplicht ${municipalityName} krijgt het signaal nu in Teams, bij 1 leerplichtambtenaar, en zoekt de school op.`
        : `Leerplicht ${municipalityName} krijgt het signaal nu in Teams, bij ${count} leerplichtambtenaren, en zoekt de school op.`,
    /** Where a signal went when the school is not known yet. */
    viaLeerplicht: (municipalityName: string): string => `via leerplicht ${municipalityName}`,
    /** One line per child of a household: "Kind 1 — HWC-7F3K — Basisschool De Regenboog". */
    line: (childNumber: number, reference: string, destination: string): string =>
      `Kind ${childNumber} — ${reference} — ${destination}`,
    contacts: (count: number): string => (count === 1 ? '1 contactpersoon' : `${count} contactpersonen`),
    officers: (count: number): string => (count === 1 ? '1 leerplichtambtenaar' : `${count} leerplichtambtenaren`),
    statusHint: 'Typ **status** om te zien of de school het heeft opgepakt.',
  },

  contactSignal: {
    expectation:
      'Dit kind heeft iets ingrijpends meegemaakt. Vang het vandaag met begrip op en bied steun waar dat nodig is. Details over wat er is gebeurd zijn er niet; vraag het kind er ook niet naar.',
    needToKnow: 'Vertel het alleen aan wie het moet weten.',
    acknowledge: 'Gezien — ik pak dit op',
    bounceHint:
      'Zit dit kind niet bij jullie op school? Druk dan op **Niet onze leerling**. Het signaal gaat terug en de gegevens van het kind verdwijnen van deze kaart.',
    bounce: 'Niet onze leerling',
  },

  /** A card meant for a role its recipient no longer holds in the directory: no child data. */
  accessEnded: {
    noLongerYours: 'Dit signaal is niet meer voor u: u staat in het overzicht niet meer bij deze school of gemeente.',
    dataRemoved: 'De gegevens van het kind zijn van deze kaart verwijderd.',
  },

  /** What a school contact's card becomes after "niet onze leerling": no child data. */
  withdrawn: {
    withdrawnBy: (byName: string, time: string): string => `Teruggestuurd: niet onze leerling — door ${byName} om ${time}.`,
    dataRemoved: 'De gegevens van het kind zijn van deze kaart verwijderd.',
  },

  /** The leerplicht officer's card. */
  route: {
    title: 'Handle with Care — door te sturen',
    intro:
      'Zoek op naar welke school dit kind gaat en stuur het signaal door. De school krijgt alleen de naam, de geboortedatum en de code „Handle with Care”.',
    returnedAt: (schoolName: string, time: string): string =>
      `Teruggestuurd door ${schoolName} om ${time}: niet onze leerling`,
    returnedOn: (schoolName: string, date: string, time: string): string =>
      `Teruggestuurd door ${schoolName} op ${date} om ${time}: niet onze leerling`,
    tried: 'Deze scholen lieten weten dat het kind daar niet op school zit:',
    school: 'School',
    schoolPlaceholder: 'Zoek een school',
    reason: 'Reden als je geen school vindt',
    reasonPlaceholder: 'Kies een reden',
    reasons: {
      not_compulsory: 'Niet leerplichtig',
      moved: 'Verhuisd',
      outside_region: 'Buiten de regio',
      other: 'Anders',
      expired: 'Verlopen',
    } satisfies Record<ClosingReason, string>,
    problems: {
      schoolId: {
        required: 'Kies een school om het signaal naar door te sturen.',
        notAllowed: 'Kies een school uit de lijst.',
        noContacts:
          'Voor deze school is nog geen contactpersoon bekend. Neem zelf contact op met de school en vraag de functioneel beheerder van de gemeente om contactpersonen toe te voegen.',
        tried: 'Deze school heeft al laten weten dat het kind daar niet op school zit. Kies een andere school.',
      } satisfies Record<RouteSchoolProblem, string>,
      reason: { required: 'Kies een reden als je geen school vindt.' },
    },
    privacyNote: 'Zodra je het signaal doorstuurt of afsluit, verdwijnen de gegevens van het kind van deze kaart.',
    forward: 'Doorsturen naar school',
    noSchool: 'Geen school gevonden',
  },

  /** The leerplicht officers' cards once one of them forwarded the signal: no child data. */
  routed: {
    routedAt: (byName: string, schoolName: string, time: string): string =>
      `Doorgestuurd door ${byName} naar ${schoolName} om ${time}`,
    routedOn: (byName: string, schoolName: string, date: string, time: string): string =>
      `Doorgestuurd door ${byName} naar ${schoolName} op ${date} om ${time}`,
    nothingToDo: 'De gegevens van het kind zijn van deze kaart verwijderd. Je hoeft niets meer te doen.',
  },

  /** The leerplicht officers' cards once one of them found no school: no child data. */
  routeClosed: {
    closedBy: (reason: string, byName: string, time: string): string =>
      `Geen school gevonden (${reason}) — door ${byName} om ${time}`,
    nothingToDo: 'Veilig Thuis krijgt hiervan bericht. De gegevens van het kind zijn van deze kaart verwijderd.',
    expired: (time: string): string => `Verlopen om ${time}: niet op tijd naar een school doorgestuurd`,
  },

  /** Tells the issuing Veilig Thuis worker that a school sent a signal back. */
  bouncedNotice: {
    title: 'Signaal teruggestuurd',
    bouncedBy: (schoolName: string): string => `Teruggestuurd door ${schoolName}: niet onze leerling`,
    bouncedAt: 'Teruggestuurd op',
    toLeerplicht: (municipalityName: string): string => `Laat leerplicht ${municipalityName} de school zoeken`,
    newSignalHint: 'Je kunt ook een nieuw signaal versturen met **signaal**.',
    rerouted: (time: string): string => `Doorgestuurd naar leerplicht om ${time}`,
    forgotten: 'De termijn is verstreken en de gegevens van het kind zijn verwijderd. Stuur zo nodig een nieuw signaal met **signaal**.',
  },

  /** Tells the issuing Veilig Thuis worker that leerplicht found no school. */
  unroutableNotice: {
    title: 'Geen school gevonden',
    text: 'Leerplicht heeft voor dit signaal geen school gevonden. Het signaal is afgesloten en gaat naar geen enkele school.',
    reason: 'Reden',
    by: 'Vastgesteld door',
    at: 'Vastgesteld op',
    expiredText:
      'Leerplicht heeft dit signaal niet op tijd naar een school doorgestuurd. De gegevens van het kind zijn verwijderd en het signaal is afgesloten. Stuur zo nodig een nieuw signaal met **signaal**.',
  },

  /** A card that named the child, once the child is forgotten: the reference, school and times only. */
  forgotten: {
    title: 'Handle with Care — gegevens verwijderd',
    forgottenOn: (dateTime: string): string => `De gegevens van het kind zijn verwijderd op ${dateTime}, zoals afgesproken.`,
    why: 'Het signaal wordt niet langer bewaard dan nodig. Bel bij vragen met Veilig Thuis en noem de referentie.',
    issuedAt: 'Verstuurd op',
    takenBy: 'Opgepakt door',
    notTaken: 'Niemand heeft dit signaal opgepakt.',
  },

  taken: {
    takenAt: (byName: string, time: string): string => `Opgepakt door ${byName} om ${time}`,
    takenOn: (byName: string, date: string, time: string): string =>
      `Opgepakt door ${byName} op ${date} om ${time}`,
    nothingToDo: 'Een collega heeft dit signaal opgepakt. Je hoeft niets te doen.',
  },

  supportForm: {
    title: 'Steun vastleggen',
    intro: 'Wat doet de school voor dit kind? Je kunt meer dan één vorm van steun kiezen.',
    categoriesLabel: 'Steun',
    categories: {
      no_penalty: 'Geen straf bij te laat komen of vergeten',
      quiet_place: 'Rustige plek / time-out',
      listening_ear: 'Luisterend oor aangeboden',
      teacher_informed: 'Mentor of leerkracht geïnformeerd',
      test_postponed: 'Toets of opdracht uitgesteld',
      other: 'Anders',
    },
    priorConcernLabel: 'Was er op school al zorg over dit kind?',
    forgottenNote: (dateTime: string): string =>
      `De naam is verwijderd, zoals afgesproken. Je kunt de steun nog vastleggen tot ${dateTime}.`,
    priorConcern: {
      yes: 'Ja',
      no: 'Nee',
      unknown: 'Weet ik niet',
    },
    privacyNote: 'We bewaren alleen de gekozen onderdelen, geen vrije tekst over het kind.',
    problems: {
      categories: 'Kies minstens één vorm van steun.',
      priorConcern: 'Kies een antwoord.',
    },
    save: 'Opslaan',
  },

  supportRecorded: {
    title: 'Steun vastgelegd',
    categories: 'Steun',
    priorConcern: 'Al zorg op school',
    recordedAt: 'Vastgelegd op',
    changeHint: 'Je kunt dit vandaag nog wijzigen.',
    edit: 'Wijzigen',
  },

  /** A new message to a school's contacts: the signal is not picked up yet. No child data. */
  reminder: {
    title: 'Herinnering: Handle with Care-signaal nog niet opgepakt',
    pickUpBefore: (dueAt: string): string =>
      `Graag vóór ${dueAt} oppakken: druk op **Gezien** op de kaart met deze referentie hierboven in deze chat.`,
  },

  /** A municipal coordinator's card: nobody at the school picked the signal up in time. No child data. */
  escalation: {
    title: 'Handle with Care — niet opgepakt',
    dueAt: 'Op te pakken vóór',
    text: 'Niemand van de school heeft dit signaal op tijd opgepakt. Neem contact op met de school.',
    contacts: (names: string): string => `Contactpersonen: ${names}`,
    noContacts: 'Voor deze school is geen contactpersoon bekend.',
    takeHint: 'Druk op **Ik neem contact op** als jij de school belt; de andere coördinatoren zien dat dan.',
    take: 'Ik neem contact op',
    /** To the admins, when the municipality has no coordinator to tell. */
    noCoordinator: 'Deze gemeente heeft geen coördinator, dus niemand anders krijgt dit bericht. Zorg dat iemand de school belt, en wijs in het overzicht een coördinator aan.',
  },

  /** To every admin when a card could not be delivered. No child data. */
  deliveryAlert: {
    title: 'Handle with Care — kaart niet afgeleverd',
    text: (recipientName: string, role: string): string =>
      `De kaart voor ${recipientName} (${role}) kon niet worden afgeleverd in Teams. Controleer of deze persoon de app heeft en in de directory klopt.`,
    nameNotRemoved: (recipientName: string, role: string): string =>
      `De naam van het kind kon niet uit de kaart van ${recipientName} (${role}) in Teams worden verwijderd. Vraag deze persoon het bericht met deze referentie zelf te verwijderen. In Handle with Care zelf is de naam wel verwijderd.`,
    reason: 'Reden',
    at: 'Tijd',
    roles: {
      school_contact: 'contactpersoon school',
      leerplicht: 'leerplichtambtenaar',
      vt_worker: 'Veilig Thuis',
      coordinator: 'coördinator',
      admin: 'beheerder',
    },
  },

  /** Every coordinator's escalation card once one of them took it on. */
  escalationTaken: {
    takenBy: (byName: string, schoolName: string, time: string): string =>
      `${byName} neemt contact op met ${schoolName} (sinds ${time})`,
  },

  /** To the contact who picked the signal up, 48 hours on, while no support is recorded. No child data. */
  supportReminder: {
    title: 'Herinnering: leg de steun vast',
    text: 'Je hebt dit signaal opgepakt, maar er is nog geen steun vastgelegd. Leg vast wat de school voor het kind doet.',
    record: 'Steun vastleggen',
  },

  status: {
    title: (days: number): string => `Jouw signalen van de afgelopen ${days} dagen`,
    empty: (days: number): string => `Je hebt de afgelopen ${days} dagen geen signalen verstuurd.`,
    /** Where a signal stands now, after its reference. */
    states: {
      awaiting_routing: 'bij leerplicht',
      issued: 'verstuurd',
      delivered: 'verstuurd',
      acknowledged: 'gezien door school',
      supported: 'steun vastgelegd',
      bounced: 'teruggestuurd',
      unroutable: 'geen school gevonden',
    } satisfies Record<SignalState, string>,
    /** The steps of its timeline, each with its time. */
    steps: {
      issued: (schoolName?: string): string => (schoolName ? `verstuurd naar ${schoolName}` : 'verstuurd'),
      to_leerplicht: 'bij leerplicht',
      forwarded: (schoolName?: string): string => (schoolName ? `doorgestuurd naar ${schoolName}` : 'doorgestuurd'),
      acknowledged: 'gezien',
      supported: 'steun vastgelegd',
      bounced: (schoolName?: string): string => (schoolName ? `teruggestuurd door ${schoolName}` : 'teruggestuurd'),
      unroutable: 'geen school gevonden',
    },
  },

  /** A leerplicht officer's `status`: the signals waiting to be forwarded, by reference only. */
  leerplichtStatus: {
    title: 'Wachten op doorsturen',
    empty: 'Er wachten nu geen signalen op jou.',
    returnedBy: 'Teruggestuurd door',
    hint: 'Elk signaal staat als kaart in deze chat; zoek het op met de referentie.',
  },

  /**
   * An admin's `audit HWC-7F3K`: who saw or changed a signal, when and from where. The trail never
   * holds the child's data, so neither do these texts.
   */
  audit: {
    title: (reference: string): string => `Auditspoor ${reference}`,
    intro: 'Wie dit signaal zag of veranderde, het nieuwste eerst. Tijden in Nederlandse tijd.',
    empty: 'Er staan geen regels (meer) in het auditspoor van dit signaal.',
    more: (count: number): string => `Nog ${count} oudere ${count === 1 ? 'regel' : 'regels'}, niet getoond.`,
    by: 'Door',
    result: 'Resultaat',
    origin: 'Vanuit',
    /** The actor of scheduled work (reminders, escalations). */
    system: 'Handle with Care zelf',
    unknownRole: 'rol onbekend',
    roles: {
      vt_worker: 'Veilig Thuis',
      school_contact: 'contactpersoon school',
      leerplicht: 'leerplichtambtenaar',
      coordinator: 'coördinator',
      manager: 'manager (overzicht)',
      admin: 'functioneel beheerder',
      system: 'automatisch',
    },
    results: { ok: 'gelukt', refused: 'geweigerd', failed: 'mislukt' },
    /** Actions in words, by the action an entry records; an action not listed is shown as recorded. */
    actions: {
      'signal.issue': 'signaal verstuurd',
      'signal.view': 'signaal bekeken',
      'signal.acknowledge': 'gezien — opgepakt',
      'signal.support': 'steun vastgelegd',
      'signal.forward': 'doorgestuurd naar een school',
      'signal.no_school': 'geen school gevonden',
      'signal.bounce': 'niet onze leerling',
      'signal.to_leerplicht': 'naar leerplicht gestuurd',
      'signal.take_escalation': 'escalatie opgepakt',
      'card.shown': 'kaart met naam en geboortedatum getoond',
      'audit.read': 'auditspoor bekeken',
    },
    /** `signal.deadline:<steps>`: the scheduler acted on a deadline. */
    deadline: (steps: string): string => `termijn bewaakt (${steps})`,
    /** The admin's line on the help card. */
    help: '**audit HWC-7F3K** — het auditspoor van een signaal: wie het wanneer zag of veranderde.',
    usage: {
      title: 'Welk signaal?',
      text: 'Typ **audit** met de referentie erachter, bijvoorbeeld **audit HWC-7F3K**.',
    },
    unknown: {
      title: 'Referentie niet gevonden',
      text: (reference: string): string =>
        `Er is geen signaal met referentie ${reference}, en het auditspoor noemt die referentie ook niet. Kijk de code nog eens na.`,
    },
    notAdmin: {
      title: 'Geen toegang',
      text: 'Alleen functioneel beheerders kunnen het auditspoor van een signaal bekijken. Denk je dat je deze rol hoort te hebben? Vraag het aan de functioneel beheerder van je gemeente.',
    },
  },

  /**
   * The weekly digest for managers and coordinators (`overzicht`): counts only, never a child.
   * Shares say what they are a share of; "—" (in the card) where there was nothing to divide by.
   */
  digest: {
    /** "Overzicht week 47 (16–22 november 2026)"; `range` is built from `months`. */
    title: (week: number, range: string): string => `Overzicht week ${week} (${range})`,
    /** Under the title: whose figures, and the week's code to type for it again. */
    scope: (scopeName: string, weekCode: string): string => `Voor ${scopeName} · ${weekCode}`,
    months: [
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ],
    /** THE HEADLINE, with its figure already written out. */
    headline: (figure: string): string => `Steun binnen 48 uur: ${figure}`,
    headlineShare: (numerator: number, denominator: number, percent: number): string =>
      `${numerator} van ${denominator} ${denominator === 1 ? 'kind' : 'kinderen'} (${percent}%)`,
    headlineNoSignals: 'deze week geen signalen',
    headlineExplained: 'Bij hoeveel kinderen van de signalen van deze week legde de school binnen 48 uur steun vast.',
    windowOpen: (count: number): string =>
      count === 1
        ? 'Bij 1 kind loopt de 48 uur nog: dit cijfer kan nog stijgen.'
        : `Bij ${count} kinderen loopt de 48 uur nog: dit cijfer kan nog stijgen.`,
    /** A share in a list: "8 van 9 (89%)". */
    share: (numerator: number, denominator: number, percent: number): string => `${numerator} van ${denominator} (${percent}%)`,
    /** A share kept off a school's own digest by the small-count rule. */
    suppressedShare: (threshold: number): string => `niet getoond (minder dan ${threshold})`,
    /** A median time: "3 u 20 min", "45 min", "2 u". */
    duration: (hours: number, minutes: number): string =>
      hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} u` : `${hours} u ${minutes} min`,
    figuresTitle: 'De week in cijfers',
    figures: {
      issued: 'Signalen verstuurd',
      viaLeerplicht: 'Via leerplicht',
      delivered: 'Bij school bezorgd',
      openNow: 'Nu nog open',
      acknowledgedBeforeSchoolStart: 'Gezien vóór schoolbegin',
      acknowledgedWithin24h: 'Gezien binnen 24 uur',
      medianToAcknowledge: 'Mediane tijd tot gezien',
      bounced: 'Teruggestuurd (niet onze leerling)',
      noSchool: 'Geen school gevonden',
      escalated: 'Geëscaleerd naar coördinator',
      deadDeliveries: 'Niet bezorgde kaarten',
      noPriorConcern: 'Geen eerdere zorg op school',
    },
    figuresNote:
      'Gezien: van de signalen die nu bij een school zijn en waarvan het moment (schoolbegin, of 24 uur na versturen) al voorbij is; een signaal dat al gezien is, telt altijd mee. Geen eerdere zorg: van de kinderen bij wie de school die vraag beantwoordde; landelijk is dat minstens 1 op de 3.',
    support: {
      title: 'Steun per soort',
      empty: 'Nog geen steun vastgelegd.',
      note: 'Eén signaal kan bij meer soorten steun meetellen.',
    },
    trend: {
      title: 'Verloop van de steun binnen 48 uur',
      week: (week: number): string => `week ${week}`,
      /** A week of another year than the digest's: "week 48 (2025)". */
      weekOfYear: (week: number, year: number): string => `week ${week} (${year})`,
      /** One week of the trend: "80% (8 van 10)". */
      share: (percent: number, numerator: number, denominator: number): string =>
        `${percent}% (${numerator} van ${denominator})`,
      noSignals: '— (geen signalen)',
      /** The 52 weeks in one line; the average is over all children of those weeks, not a mean of weekly percentages. */
      year: (average: string, weeksWithSignals: number, lowest: string, highest: string): string =>
        `Afgelopen 52 weken: gemiddeld ${average}, over ${weeksWithSignals} ${weeksWithSignals === 1 ? 'week' : 'weken'} met signalen; laagste week ${lowest}, hoogste week ${highest}.`,
      /** "40% (week 12)" */
      extreme: (percent: number, week: number): string => `${percent}% (week ${week})`,
      yearEmpty: 'Afgelopen 52 weken: nog geen signalen.',
      chartTitle: 'Steun binnen 48 uur per week, afgelopen 52 weken',
      xAxis: 'Weeknummer',
      yAxis: 'Procent',
      chartNote: 'Weken zonder signalen staan niet in de grafiek: daar valt niets te delen.',
      /** Under the text sparkline that stands in for the chart where Teams cannot draw it. */
      sparklineLegend: 'Oudste week links. ▁ is 0%, █ is 100%, · is een week zonder signalen.',
      showAll: 'Alle 52 weken als tekst',
    },
    schools: {
      title: 'Per school',
      issued: 'Signalen',
      acknowledged: 'Gezien',
      supported: 'Steun ≤ 48 u',
      bounced: 'Teruggestuurd',
      empty: 'Deze week had geen enkele school een signaal.',
      /** Explains a suppressed count, e.g. "<3", for the configured threshold. */
      suppressedNote: (threshold: number): string =>
        `„<${threshold}” betekent ${threshold === 2 ? '1' : `1 tot en met ${threshold - 1}`}. Kleine aantallen per school tonen we niet precies, zodat niemand een kind kan herleiden.`,
      /** Under the table when a count is hidden ("•") beside a suppressed one in its column. */
      hiddenNote: '„•” is een verborgen aantal: anders zou je een klein aantal elders in dezelfde kolom uit het totaal kunnen terugrekenen.',
    },
    footer: (dateTime: string): string => `Alleen aantallen, nooit namen. Gemaakt op ${dateTime}.`,
    /** The managers' and coordinators' line on the help card. */
    help: '**overzicht** — het weekoverzicht van vorige week; **overzicht 2026-W47** voor een andere week.',
    usage: {
      title: 'Welke week?',
      text: 'Typ **overzicht** voor vorige week, of **overzicht** met de week erachter, bijvoorbeeld **overzicht 2026-W47**.',
    },
    notOver: {
      title: 'Die week is nog niet voorbij',
      text: (weekCode: string): string =>
        `Week ${weekCode} is nog niet afgelopen; het overzicht gaat over hele weken. Typ **overzicht** voor vorige week.`,
    },
    notManager: {
      title: 'Geen toegang',
      text: 'Het weekoverzicht is voor managers en coördinatoren. Denk je dat je deze rol hoort te hebben? Vraag het aan de functioneel beheerder van je gemeente.',
    },
  },

  help: {
    title: 'Wat kun je hier doen?',
    vtWorker: [
      '**signaal** — een nieuw Handle with Care-signaal versturen naar een school of via leerplicht, voor één of meer kinderen.',
      '**status** — zien hoe ver je recente signalen zijn, stap voor stap.',
    ],
    schoolContact:
      'Als contactpersoon van een school krijg je signalen hier in deze chat. Druk op **Gezien** als je het oppakt en leg daarna vast welke steun de school geeft. Zit het kind niet bij jullie op school? Druk dan op **Niet onze leerling**.',
    leerplicht:
      'Als leerplichtambtenaar krijg je hier de signalen die via leerplicht gaan. Kies de school en druk op **Doorsturen**, of op **Geen school gevonden**. Typ **status** om te zien wat er op je wacht.',
    coordinator:
      'Als coördinator krijg je hier een bericht als een school een signaal niet op tijd oppakt; druk op **Ik neem contact op** als jij de school belt.',
    manager:
      'Als manager krijg je elke maandagochtend hier een overzicht van vorige week: alleen aantallen, nooit namen. Werd elk kind binnen 48 uur gezien en gesteund?',
    admin:
      'Als functioneel beheerder krijg je hier een bericht als een kaart niet kan worden afgeleverd. Scholen, personen en rollen staan in het directorybestand.',
    noRoles:
      'Je hebt (nog) geen rol in Handle with Care. Denk je dat dat niet klopt? Vraag het aan de functioneel beheerder van je gemeente.',
    helpCommand: '**help** — dit overzicht.',
  },

  /** Command words as the help card names them; the bot accepts these and their aliases. */
  commands: {
    signal: 'signaal',
    status: 'status',
    help: 'help',
  },

  bot: {
    welcome: {
      title: 'Welkom bij Handle with Care',
      text: 'Via deze chat gaan Handle with Care-signalen van Veilig Thuis naar school. Typ **help** om te zien wat je hier kunt doen.',
    },
    personalChatOnly: {
      title: 'Alleen in een persoonlijke chat',
      text: 'Handle with Care werkt alleen in je persoonlijke chat met de bot, zodat niemand anders de signalen ziet. Open de app via Apps in Teams.',
    },
    unknownCommand: {
      title: 'Dat begrijp ik niet',
      text: 'Dat commando ken ik niet. Typ **help** om te zien wat je hier kunt doen.',
    },
    unknownAction: {
      title: 'Deze knop werkt niet meer',
      text: 'Deze knop ken ik niet (meer). Typ **help** om te zien wat je hier kunt doen.',
    },
    notVtWorker: {
      title: 'Geen toegang',
      text: 'Alleen medewerkers van Veilig Thuis kunnen een signaal versturen. Denk je dat je deze rol hoort te hebben? Vraag het aan de functioneel beheerder van je gemeente.',
    },
    notIssuer: {
      title: 'Niet jouw signaal',
      text: 'Alleen wie het signaal verstuurde kan dit doen.',
    },
    notLeerplicht: {
      title: 'Geen toegang',
      text: 'Alleen leerplichtambtenaren van deze gemeente kunnen dit signaal doorsturen.',
    },
    notCoordinator: {
      title: 'Geen toegang',
      text: 'Alleen coördinatoren van deze gemeente kunnen dit oppakken.',
    },
    notContactOfSchool: {
      title: 'Niet voor jouw school',
      text: 'Dit signaal is bedoeld voor de contactpersonen van een andere school. Er is niets veranderd.',
    },
    pickedUpByColleague: {
      title: 'Opgepakt door een collega',
      text: 'Een collega heeft dit signaal opgepakt en legt de steun vast. Alleen die collega kan de steun bekijken of wijzigen. Er is niets veranderd.',
    },
    genericError: {
      title: 'Er ging iets mis',
      text: (correlationId: string): string =>
        `Er ging iets mis. Probeer het zo nog eens. Lukt het niet? Geef dan deze code door aan de functioneel beheerder: ${correlationId}`,
    },
  },

  /** Texts for the coded errors of src/domain/errors.ts, keyed by code. */
  errors: {
    'SIGNAL.NOT_FOUND': {
      title: 'Signaal niet gevonden',
      text: 'Dit signaal bestaat niet (meer).',
    },
    'SIGNAL.ALREADY_ACKNOWLEDGED': {
      title: 'Al opgepakt',
      text: (byName: string, time: string): string =>
        `Dit signaal is al opgepakt door ${byName} om ${time}. Je hoeft niets te doen.`,
    },
    'SIGNAL.ALREADY_ROUTED': {
      title: 'Al doorgestuurd',
      text: (byName: string, schoolName: string, time: string): string =>
        `Dit signaal is al doorgestuurd door ${byName} naar ${schoolName} om ${time}. Je hoeft niets te doen.`,
    },
    'SIGNAL.ALREADY_CLOSED': {
      title: 'Al afgesloten',
      text: 'Er is al vastgesteld dat er geen school is gevonden.',
    },
    'SIGNAL.SCHOOL_TRIED': {
      title: 'School al geprobeerd',
      text: 'Deze school heeft al laten weten dat het kind daar niet op school zit. Kies een andere school.',
    },
    'SIGNAL.NOT_AT_SCHOOL': {
      title: 'Niet meer bij jouw school',
      text: 'Dit signaal is teruggestuurd en ligt niet meer bij jouw school. Er is niets veranderd.',
    },
    'SIGNAL.NO_RECIPIENTS': {
      title: 'Niemand van leerplicht bekend',
      text: 'Voor deze gemeente is nog geen leerplichtambtenaar bekend in Handle with Care, dus niemand zou het signaal krijgen. Bel leerplicht of vraag de functioneel beheerder om iemand toe te voegen.',
    },
    'SIGNAL.NOT_BOUNCED': {
      title: 'Niet teruggestuurd',
      text: 'Dit signaal is niet (meer) teruggestuurd; er is niets te doen.',
    },
    'SIGNAL.NOT_ESCALATED': {
      title: 'Niet geëscaleerd',
      text: 'Dit signaal is niet geëscaleerd; er is niets te doen.',
    },
    'SIGNAL.ESCALATION_TAKEN': {
      title: 'Een collega belt al',
      text: (byName: string): string => `${byName} neemt al contact op met de school. Je hoeft niets te doen.`,
    },
    'SIGNAL.NOT_ACKNOWLEDGED': {
      title: 'Nog niet opgepakt',
      text: 'Druk eerst op **Gezien** voordat je steun vastlegt.',
    },
    'SIGNAL.SUPPORT_LOCKED': {
      title: 'Niet meer te wijzigen',
      text: 'De steun kan alleen op dezelfde dag worden gewijzigd. Wat je hebt vastgelegd, blijft staan.',
    },
    'SIGNAL.SUPPORT_CLOSED': {
      title: 'Termijn verstreken',
      text: 'De termijn om steun vast te leggen voor dit signaal is verstreken. Er is niets veranderd.',
    },
    'SIGNAL.REDACTED': {
      title: 'Gegevens verwijderd',
      text: 'De gegevens van dit kind zijn al verwijderd, zoals afgesproken. Er valt hier niets meer te doen.',
    },
    'ACCESS.ROLE_REQUIRED': {
      title: 'Geen toegang',
      text: 'Hiervoor heb je een rol nodig die je niet hebt. Vraag het aan de functioneel beheerder van je gemeente.',
    },
    'ACCESS.NOT_YOUR_SIGNAL': {
      title: 'Niet voor jou',
      text: 'Dit signaal is niet voor jou bedoeld. Er is niets veranderd.',
    },
    'ACCESS.UNKNOWN_MEMBER': {
      title: 'Je bent nog niet bekend',
      text: 'Je staat nog niet in Handle with Care. Vraag de functioneel beheerder van je gemeente om je toe te voegen.',
    },
  } satisfies Partial<Record<ErrorCode, { title: string; text: unknown }>>,
};
