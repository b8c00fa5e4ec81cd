/**
 * Every Dutch text a user reads, cards and bot answers alike. Warm, short, je-vorm.
 * `en.ts` has the same shape (checked by the compiler and by test/cards/strings.test.ts).
 * Texts never mention a child's data themselves: names arrive only as card values.
 */
import { MAX_AGE, MIN_AGE, NAME_MAX_LENGTH } from '../../src/domain/child';
import type { ErrorCode } from '../../src/domain/errors';
import type { SignalFormProblem } from '../view-models';

export const nl = {
  common: {
    appName: 'Handle with Care',
    reference: 'Referentie',
    school: 'School',
    child: 'Kind',
    birthDate: 'Geboortedatum',
    issuedAt: 'Verstuurd op',
  },

  signalForm: {
    title: 'Handle with Care — nieuw signaal',
    intro:
      'Vul alleen de naam en de geboortedatum van het kind in en kies de school. Schrijf hier niets over wat er is gebeurd.',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    birthDate: 'Geboortedatum',
    school: 'School',
    schoolPlaceholder: 'Zoek een school',
    submit: 'Verstuur signaal',
  },

  /** What is wrong with a form field, per field; `any` covers a pairing no field should get. */
  signalFormProblems: {
    firstName: {
      required: 'Vul een voornaam in.',
      tooLong: `De voornaam mag maximaal ${NAME_MAX_LENGTH} tekens lang zijn.`,
      characters: 'Gebruik in de voornaam alleen letters, spaties, koppeltekens en apostroffen.',
    },
    lastName: {
      required: 'Vul een achternaam in.',
      tooLong: `De achternaam mag maximaal ${NAME_MAX_LENGTH} tekens lang zijn.`,
      characters: 'Gebruik in de achternaam alleen letters, spaties, koppeltekens en apostroffen.',
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
      invalid: 'Dit is geen geldige waarde.',
      tooYoung: `Het kind moet minstens ${MIN_AGE} jaar oud zijn.`,
      tooOld: `Het kind mag hoogstens ${MAX_AGE} jaar oud zijn.`,
      notAllowed: 'Kies een waarde uit de lijst.',
      noContacts: 'Voor deze keuze is nog niemand bekend die het signaal kan ontvangen.',
    } satisfies Record<SignalFormProblem, string>,
  },

  issueConfirmation: {
    title: 'Signaal verstuurd',
    referenceHint: 'Noem deze code als je over dit signaal belt of mailt.',
    sentAt: 'Verstuurd op',
    recipients: (count: number): string =>
      count === 1
        ? 'De school krijgt het signaal nu in Teams, bij 1 contactpersoon.'
        : `De school krijgt het signaal nu in Teams, bij ${count} contactpersonen.`,
    statusHint: 'Typ **status** om te zien of de school het heeft opgepakt.',
  },

  contactSignal: {
    expectation:
      'Dit kind heeft iets ingrijpends meegemaakt. Vang het vandaag met begrip op en bied steun waar dat nodig is. Details over wat er is gebeurd zijn er niet; vraag het kind er ook niet naar.',
    needToKnow: 'Vertel het alleen aan wie het moet weten.',
    acknowledge: 'Gezien — ik pak dit op',
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

  status: {
    title: (days: number): string => `Jouw signalen van de afgelopen ${days} dagen`,
    empty: (days: number): string => `Je hebt de afgelopen ${days} dagen geen signalen verstuurd.`,
    columns: { reference: 'Referentie', school: 'School', state: 'Stand', at: 'Wanneer' },
    states: {
      issued: 'verstuurd',
      delivered: 'verstuurd',
      acknowledged: 'gezien door school',
      supported: 'steun vastgelegd',
    },
  },

  help: {
    title: 'Wat kun je hier doen?',
    vtWorker: [
      '**signaal** — een nieuw Handle with Care-signaal versturen naar een school.',
      '**status** — zien hoe ver de scholen zijn met je recente signalen.',
    ],
    schoolContact:
      'Als contactpersoon van een school krijg je signalen hier in deze chat. Druk op **Gezien** als je het oppakt en leg daarna vast welke steun de school geeft.',
    leerplicht: 'Als leerplichtambtenaar stuur je straks signalen door naar de juiste school. Dat komt binnenkort.',
    coordinator: 'Als coördinator volg je straks hoe signalen in je gemeente lopen. Dat komt binnenkort.',
    manager: 'Als manager zie je straks een wekelijks overzicht met aantallen. Dat komt binnenkort.',
    admin: 'Als functioneel beheerder beheer je straks scholen en rollen. Dat komt binnenkort.',
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
    notContactOfSchool: {
      title: 'Niet voor jouw school',
      text: 'Dit signaal is bedoeld voor de contactpersonen van een andere school. Er is niets veranderd.',
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
    'SIGNAL.NOT_ACKNOWLEDGED': {
      title: 'Nog niet opgepakt',
      text: 'Druk eerst op **Gezien** voordat je steun vastlegt.',
    },
    'SIGNAL.SUPPORT_LOCKED': {
      title: 'Niet meer te wijzigen',
      text: 'De steun kan alleen op dezelfde dag worden gewijzigd. Wat je hebt vastgelegd, blijft staan.',
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
