/** Every English text a user reads: a faithful translation of `nl.ts`, key for key. */
import { MAX_AGE, MIN_AGE, NAME_MAX_LENGTH } from '../../src/domain/child';
import type { Strings } from './strings';

export const en: Strings = {
  common: {
    appName: 'Handle with Care',
    reference: 'Reference',
    school: 'School',
    child: 'Child',
    birthDate: 'Date of birth',
    issuedAt: 'Sent on',
  },

  signalForm: {
    title: 'Handle with Care — new signal',
    intro:
      "Enter only the child's name and date of birth, and choose the school. Do not write anything here about what happened.",
    firstName: 'First name',
    lastName: 'Last name',
    birthDate: 'Date of birth',
    school: 'School',
    schoolPlaceholder: 'Search for a school',
    submit: 'Send signal',
  },

  signalFormProblems: {
    firstName: {
      required: 'Enter a first name.',
      tooLong: `The first name can be at most ${NAME_MAX_LENGTH} characters long.`,
      characters: 'Use only letters, spaces, hyphens and apostrophes in the first name.',
    },
    lastName: {
      required: 'Enter a last name.',
      tooLong: `The last name can be at most ${NAME_MAX_LENGTH} characters long.`,
      characters: 'Use only letters, spaces, hyphens and apostrophes in the last name.',
    },
    birthDate: {
      required: 'Enter a date of birth.',
      invalid: 'This is not a valid date.',
      tooYoung: `The child must be at least ${MIN_AGE} years old.`,
      tooOld: `The child can be at most ${MAX_AGE} years old.`,
    },
    schoolId: {
      required: 'Choose a school.',
      notAllowed: 'Choose a school from the list.',
      noContacts:
        "No contact person is known for this school yet. Contact the school yourself and ask the municipality's functional administrator to add contact persons.",
    },
    any: {
      required: 'Fill in this field.',
      tooLong: `At most ${NAME_MAX_LENGTH} characters.`,
      characters: 'Only letters, spaces, hyphens and apostrophes.',
      invalid: 'This is not a valid value.',
      tooYoung: `The child must be at least ${MIN_AGE} years old.`,
      tooOld: `The child can be at most ${MAX_AGE} years old.`,
      notAllowed: 'Choose a value from the list.',
      noContacts: 'Nobody is known yet who could receive the signal for this choice.',
    },
  },

  issueConfirmation: {
    title: 'Signal sent',
    referenceHint: 'Mention this code when you call or e-mail about this signal.',
    sentAt: 'Sent on',
    recipients: (count: number): string =>
      count === 1
        ? 'The school now receives the signal in Teams, with 1 contact person.'
        : `The school now receives the signal in Teams, with ${count} contact persons.`,
    statusHint: 'Type **status** to see whether the school has picked it up.',
  },

  contactSignal: {
    expectation:
      'This child has been through something serious. Receive them with understanding today and offer support where needed. There are no details about what happened; please do not ask the child about it either.',
    needToKnow: 'Tell only those who need to know.',
    acknowledge: "Seen — I'll pick this up",
  },

  taken: {
    takenAt: (byName: string, time: string): string => `Picked up by ${byName} at ${time}`,
    takenOn: (byName: string, date: string, time: string): string => `Picked up by ${byName} on ${date} at ${time}`,
    nothingToDo: 'A colleague has picked up this signal. You do not need to do anything.',
  },

  supportForm: {
    title: 'Record support',
    intro: 'What is the school doing for this child? You can choose more than one kind of support.',
    categoriesLabel: 'Support',
    categories: {
      no_penalty: 'No penalty for being late or forgetting things',
      quiet_place: 'Quiet place / time-out',
      listening_ear: 'Listening ear offered',
      teacher_informed: 'Mentor or teacher informed',
      test_postponed: 'Test or assignment postponed',
      other: 'Other',
    },
    priorConcernLabel: 'Was the school already concerned about this child?',
    priorConcern: {
      yes: 'Yes',
      no: 'No',
      unknown: "Don't know",
    },
    privacyNote: 'We store only the options you choose, never free text about the child.',
    problems: {
      categories: 'Choose at least one kind of support.',
      priorConcern: 'Choose an answer.',
    },
    save: 'Save',
  },

  supportRecorded: {
    title: 'Support recorded',
    categories: 'Support',
    priorConcern: 'Prior concern at school',
    recordedAt: 'Recorded on',
    changeHint: 'You can still change this today.',
    edit: 'Change',
  },

  status: {
    title: (days: number): string => `Your signals of the last ${days} days`,
    empty: (days: number): string => `You have not sent any signals in the last ${days} days.`,
    columns: { reference: 'Reference', school: 'School', state: 'Status', at: 'When' },
    states: {
      issued: 'sent',
      delivered: 'sent',
      acknowledged: 'seen by school',
      supported: 'support recorded',
    },
  },

  help: {
    title: 'What can you do here?',
    vtWorker: [
      '**signal** — send a new Handle with Care signal to a school.',
      '**status** — see how far the schools are with your recent signals.',
    ],
    schoolContact:
      'As a school contact person you receive signals here in this chat. Press **Seen** when you pick one up, then record the support the school gives.',
    leerplicht: 'As an attendance officer you will soon forward signals to the right school. Coming soon.',
    coordinator: 'As a coordinator you will soon follow how signals go in your municipality. Coming soon.',
    manager: 'As a manager you will soon see a weekly overview with counts. Coming soon.',
    admin: 'As a functional administrator you will soon manage schools and roles. Coming soon.',
    noRoles:
      "You do not have a role in Handle with Care (yet). Think that's not right? Ask your municipality's functional administrator.",
    helpCommand: '**help** — this overview.',
  },

  commands: {
    signal: 'signal',
    status: 'status',
    help: 'help',
  },

  bot: {
    welcome: {
      title: 'Welcome to Handle with Care',
      text: 'Through this chat, Handle with Care signals go from Veilig Thuis to schools. Type **help** to see what you can do here.',
    },
    unknownCommand: {
      title: "I didn't understand that",
      text: "I don't know that command. Type **help** to see what you can do here.",
    },
    unknownAction: {
      title: 'This button no longer works',
      text: "I don't know this button (any more). Type **help** to see what you can do here.",
    },
    notVtWorker: {
      title: 'No access',
      text: "Only Veilig Thuis staff can send a signal. Think you should have this role? Ask your municipality's functional administrator.",
    },
    notContactOfSchool: {
      title: 'Not for your school',
      text: 'This signal is meant for the contact persons of another school. Nothing has changed.',
    },
    genericError: {
      title: 'Something went wrong',
      text: (correlationId: string): string =>
        `Something went wrong. Please try again in a moment. Still not working? Give this code to the functional administrator: ${correlationId}`,
    },
  },

  errors: {
    'SIGNAL.NOT_FOUND': {
      title: 'Signal not found',
      text: 'This signal does not exist (any more).',
    },
    'SIGNAL.ALREADY_ACKNOWLEDGED': {
      title: 'Already picked up',
      text: (byName: string, time: string): string =>
        `This signal has already been picked up by ${byName} at ${time}. You do not need to do anything.`,
    },
    'SIGNAL.NOT_ACKNOWLEDGED': {
      title: 'Not picked up yet',
      text: 'Press **Seen** first, before you record support.',
    },
    'SIGNAL.SUPPORT_LOCKED': {
      title: 'Can no longer be changed',
      text: 'Support can only be changed on the same day. What you recorded stays as it is.',
    },
    'SIGNAL.REDACTED': {
      title: 'Data removed',
      text: "This child's data has already been removed, as agreed. There is nothing left to do here.",
    },
    'ACCESS.ROLE_REQUIRED': {
      title: 'No access',
      text: "This needs a role you do not have. Ask your municipality's functional administrator.",
    },
    'ACCESS.NOT_YOUR_SIGNAL': {
      title: 'Not for you',
      text: 'This signal is not meant for you. Nothing has changed.',
    },
    'ACCESS.UNKNOWN_MEMBER': {
      title: 'You are not known yet',
      text: "You are not in Handle with Care yet. Ask your municipality's functional administrator to add you.",
    },
  },
};
