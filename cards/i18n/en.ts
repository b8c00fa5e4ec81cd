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
    municipality: 'Municipality',
  },

  signalForm: {
    title: 'Handle with Care — new signal',
    intro:
      "Enter only the child's name and date of birth, and choose the school. Do not write anything here about what happened.",
    child: (childNumber: number): string => `Child ${childNumber}`,
    firstName: 'First name',
    lastName: 'Last name',
    birthDate: 'Date of birth',
    school: 'School',
    schoolPlaceholder: 'Search for a school',
    viaLeerplicht: (municipalityName: string): string =>
      `School unknown — via the attendance officer of ${municipalityName}`,
    leerplichtHint:
      "Don't know the school? Choose \"School unknown — via the attendance officer\": the attendance officer looks the school up.",
    householdHint: 'More children in the family? Press **Another child**. Each child gets a signal of its own.',
    addChild: 'Another child',
    submit: 'Send signal',
  },

  signalFormProblems: {
    firstName: {
      required: 'Enter a first name.',
      tooLong: `The first name can be at most ${NAME_MAX_LENGTH} characters long.`,
      characters: 'Use only letters, spaces, hyphens and apostrophes in the first name.',
      invisible: 'There are invisible characters in the first name. Type the name again instead of pasting it.',
      combiningMarks: 'There are too many accents on one letter in the first name.',
      mixedScripts: 'There are letters from different scripts in the first name, such as Latin and Cyrillic. Type the name in one script.',
    },
    lastName: {
      required: 'Enter a last name.',
      tooLong: `The last name can be at most ${NAME_MAX_LENGTH} characters long.`,
      characters: 'Use only letters, spaces, hyphens and apostrophes in the last name.',
      invisible: 'There are invisible characters in the last name. Type the name again instead of pasting it.',
      combiningMarks: 'There are too many accents on one letter in the last name.',
      mixedScripts: 'There are letters from different scripts in the last name, such as Latin and Cyrillic. Type the name in one script.',
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
      invisible: 'There are invisible characters here. Type the text again instead of pasting it.',
      combiningMarks: 'Too many accents on one letter.',
      mixedScripts: 'Use letters from one script.',
      invalid: 'This is not a valid value.',
      tooYoung: `The child must be at least ${MIN_AGE} years old.`,
      tooOld: `The child can be at most ${MAX_AGE} years old.`,
      notAllowed: 'Choose a value from the list.',
      noContacts: 'Nobody is known yet who could receive the signal for this choice.',
    },
  },

  issueConfirmation: {
    title: 'Signal sent',
    titleMany: (count: number): string => `${count} signals sent`,
    alreadySent:
      'This form was already sent. Below is what was sent then; what you changed afterwards was not sent. Does something else need to go to a school? Then send a new signal with **signaal**.',
    referenceHint: 'Mention this code when you call or e-mail about this signal.',
    referenceHintMany: 'Each child has a code of its own. Mention it when you call or e-mail about that signal.',
    sentAt: 'Sent on',
    recipients: (count: number): string =>
      count === 1
        ? 'The school now receives the signal in Teams, with 1 contact person.'
        : `The school now receives the signal in Teams, with ${count} contact persons.`,
    leerplichtRecipients: (municipalityName: string, count: number): string =>
      count === 1
        ? `The attendance office of ${municipalityName} now receives the signal in Teams, with 1 attendance officer, and looks the school up.`
        : `The attendance office of ${municipalityName} now receives the signal in Teams, with ${count} attendance officers, and looks the school up.`,
    viaLeerplicht: (municipalityName: string): string => `via the attendance officer of ${municipalityName}`,
    line: (childNumber: number, reference: string, destination: string): string =>
      `Child ${childNumber} — ${reference} — ${destination}`,
    contacts: (count: number): string => (count === 1 ? '1 contact person' : `${count} contact persons`),
    officers: (count: number): string => (count === 1 ? '1 attendance officer' : `${count} attendance officers`),
    statusHint: 'Type **status** to see whether the school has picked it up.',
  },

  contactSignal: {
    expectation:
      'This child has been through something serious. Receive them with understanding today and offer support where needed. There are no details about what happened; please do not ask the child about it either.',
    needToKnow: 'Tell only those who need to know.',
    acknowledge: "Seen — I'll pick this up",
    bounceHint:
      "Is this child not at your school? Then press **Not our pupil**. The signal goes back and the child's data disappears from this card.",
    bounce: 'Not our pupil',
  },

  accessEnded: {
    noLongerYours: 'This signal is no longer for you: the directory no longer lists you for this school or municipality.',
    dataRemoved: "The child's data has been removed from this card.",
  },

  withdrawn: {
    withdrawnBy: (byName: string, time: string): string => `Sent back: not our pupil — by ${byName} at ${time}.`,
    dataRemoved: "The child's data has been removed from this card.",
  },

  route: {
    title: 'Handle with Care — to forward',
    intro:
      'Look up which school this child attends and forward the signal. The school receives only the name, the date of birth and the code word "Handle with Care".',
    returnedAt: (schoolName: string, time: string): string => `Sent back by ${schoolName} at ${time}: not our pupil`,
    returnedOn: (schoolName: string, date: string, time: string): string =>
      `Sent back by ${schoolName} on ${date} at ${time}: not our pupil`,
    tried: 'These schools said the child is not their pupil:',
    school: 'School',
    schoolPlaceholder: 'Search for a school',
    reason: 'Reason if you cannot find a school',
    reasonPlaceholder: 'Choose a reason',
    reasons: {
      not_compulsory: 'Not of compulsory school age',
      moved: 'Moved away',
      outside_region: 'Outside the region',
      other: 'Other',
      expired: 'Expired',
    },
    problems: {
      schoolId: {
        required: 'Choose a school to forward the signal to.',
        notAllowed: 'Choose a school from the list.',
        noContacts:
          "No contact person is known for this school yet. Contact the school yourself and ask the municipality's functional administrator to add contact persons.",
        tried: 'This school has already said the child is not their pupil. Choose another school.',
      },
      reason: { required: 'Choose a reason if you cannot find a school.' },
    },
    privacyNote: "As soon as you forward or close the signal, the child's data disappears from this card.",
    forward: 'Forward to school',
    noSchool: 'No school found',
  },

  routed: {
    routedAt: (byName: string, schoolName: string, time: string): string =>
      `Forwarded by ${byName} to ${schoolName} at ${time}`,
    routedOn: (byName: string, schoolName: string, date: string, time: string): string =>
      `Forwarded by ${byName} to ${schoolName} on ${date} at ${time}`,
    nothingToDo: "The child's data has been removed from this card. You do not need to do anything.",
  },

  routeClosed: {
    closedBy: (reason: string, byName: string, time: string): string =>
      `No school found (${reason}) — by ${byName} at ${time}`,
    nothingToDo: "Veilig Thuis is being told. The child's data has been removed from this card.",
    expired: (time: string): string => `Expired at ${time}: not forwarded to a school in time`,
  },

  bouncedNotice: {
    title: 'Signal sent back',
    bouncedBy: (schoolName: string): string => `Sent back by ${schoolName}: not our pupil`,
    bouncedAt: 'Sent back on',
    toLeerplicht: (municipalityName: string): string =>
      `Let the attendance officer of ${municipalityName} find the school`,
    newSignalHint: 'You can also send a new signal with **signal**.',
    rerouted: (time: string): string => `Forwarded to the attendance officer at ${time}`,
    forgotten: "The period has ended and the child's data has been removed. Send a new signal with **signal** if needed.",
  },

  unroutableNotice: {
    title: 'No school found',
    text: 'The attendance officer found no school for this signal. The signal is closed and goes to no school.',
    reason: 'Reason',
    by: 'Decided by',
    at: 'Decided on',
    expiredText:
      "The attendance officer did not forward this signal to a school in time. The child's data has been removed and the signal is closed. Send a new signal with **signal** if needed.",
  },

  forgotten: {
    title: 'Handle with Care — data removed',
    forgottenOn: (dateTime: string): string => `The child's data was removed on ${dateTime}, as agreed.`,
    why: 'The signal is not kept longer than needed. For questions, call Veilig Thuis and give the reference.',
    issuedAt: 'Sent on',
    takenBy: 'Picked up by',
    notTaken: 'Nobody picked this signal up.',
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
    forgottenNote: (dateTime: string): string =>
      `The name has been removed, as agreed. You can still record support until ${dateTime}.`,
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

  reminder: {
    title: 'Reminder: Handle with Care signal not picked up yet',
    pickUpBefore: (dueAt: string): string =>
      `Please pick it up before ${dueAt}: press **Seen** on the card with this reference further up in this chat.`,
  },

  escalation: {
    title: 'Handle with Care — not picked up',
    dueAt: 'To be picked up by',
    text: 'Nobody at the school picked up this signal in time. Please contact the school.',
    contacts: (names: string): string => `Contact persons: ${names}`,
    noContacts: 'No contact person is known for this school.',
    takeHint: "Press **I'll contact the school** when you call the school; the other coordinators will then see that.",
    take: "I'll contact the school",
    noCoordinator: 'This municipality has no coordinator, so nobody else gets this message. Make sure someone calls the school, and name a coordinator in the directory.',
  },

  deliveryAlert: {
    title: 'Handle with Care — card not delivered',
    text: (recipientName: string, role: string): string =>
      `The card for ${recipientName} (${role}) could not be delivered in Teams. Check that this person has the app and is right in the directory.`,
    nameNotRemoved: (recipientName: string, role: string): string =>
      `The child's name could not be removed from the card of ${recipientName} (${role}) in Teams. Ask this person to delete the message with this reference. In Handle with Care itself the name has been removed.`,
    reason: 'Reason',
    at: 'Time',
    roles: {
      school_contact: 'school contact',
      leerplicht: 'attendance officer',
      vt_worker: 'Veilig Thuis',
      coordinator: 'coordinator',
      admin: 'administrator',
    },
  },

  escalationTaken: {
    takenBy: (byName: string, schoolName: string, time: string): string =>
      `${byName} is contacting ${schoolName} (since ${time})`,
  },

  supportReminder: {
    title: 'Reminder: record the support',
    text: 'You picked up this signal, but no support has been recorded yet. Record what the school is doing for the child.',
    record: 'Record support',
  },

  status: {
    title: (days: number): string => `Your signals of the last ${days} days`,
    empty: (days: number): string => `You have not sent any signals in the last ${days} days.`,
    states: {
      awaiting_routing: 'with the attendance officer',
      issued: 'sent',
      delivered: 'sent',
      acknowledged: 'seen by school',
      supported: 'support recorded',
      bounced: 'sent back',
      unroutable: 'no school found',
    },
    steps: {
      issued: (schoolName?: string): string => (schoolName ? `sent to ${schoolName}` : 'sent'),
      to_leerplicht: 'with the attendance officer',
      forwarded: (schoolName?: string): string => (schoolName ? `forwarded to ${schoolName}` : 'forwarded'),
      acknowledged: 'seen',
      supported: 'support recorded',
      bounced: (schoolName?: string): string => (schoolName ? `sent back by ${schoolName}` : 'sent back'),
      unroutable: 'no school found',
    },
  },

  leerplichtStatus: {
    title: 'Waiting to be forwarded',
    empty: 'No signals are waiting for you right now.',
    returnedBy: 'Sent back by',
    hint: 'Each signal is a card in this chat; look it up by its reference.',
  },

  /**
   * An admin's `audit HWC-7F3K`: who saw or changed a signal, when and from where. The trail never
   * holds the child's data, so neither do these texts.
   */
  audit: {
    title: (reference: string): string => `Audit trail ${reference}`,
    intro: 'Who saw or changed this signal, newest first. Times in Dutch time.',
    empty: 'The audit trail of this signal has no entries (any more).',
    more: (count: number): string => `${count} older ${count === 1 ? 'entry' : 'entries'}, not shown.`,
    by: 'By',
    result: 'Result',
    origin: 'From',
    /** The actor of scheduled work (reminders, escalations). */
    system: 'Handle with Care itself',
    unknownRole: 'role unknown',
    roles: {
      vt_worker: 'Veilig Thuis worker',
      school_contact: 'school contact',
      leerplicht: 'attendance officer',
      coordinator: 'coordinator',
      manager: 'manager (overview)',
      admin: 'functional administrator',
      system: 'automatic',
    },
    results: { ok: 'done', refused: 'refused', failed: 'failed' },
    /** Actions in words, by the action an entry records; an action not listed is shown as recorded. */
    actions: {
      'signal.issue': 'signal sent',
      'signal.view': 'signal viewed',
      'signal.acknowledge': 'seen — picked up',
      'signal.support': 'support recorded',
      'signal.forward': 'forwarded to a school',
      'signal.no_school': 'no school found',
      'signal.bounce': 'not our pupil',
      'signal.to_leerplicht': 'sent to the attendance officer',
      'signal.take_escalation': 'escalation taken on',
      'card.shown': 'card with name and date of birth shown',
      'audit.read': 'audit trail viewed',
    },
    /** `signal.deadline:<steps>`: the scheduler acted on a deadline. */
    deadline: (steps: string): string => `deadline acted on (${steps})`,
    /** The admin's line on the help card. */
    help: '**audit HWC-7F3K** — the audit trail of a signal: who saw or changed it, and when.',
    usage: {
      title: 'Which signal?',
      text: 'Type **audit** followed by the reference, for example **audit HWC-7F3K**.',
    },
    unknown: {
      title: 'Reference not found',
      text: (reference: string): string =>
        `There is no signal with reference ${reference}, and the audit trail does not mention it either. Please check the code.`,
    },
    notAdmin: {
      title: 'No access',
      text: "Only functional administrators can view a signal's audit trail. Think you should have this role? Ask your municipality's functional administrator.",
    },
  },

  /**
   * The weekly digest for managers and coordinators (`digest`): counts only, never a child.
   * Shares say what they are a share of; "—" (in the card) where there was nothing to divide by.
   */
  digest: {
    title: (week: number, range: string): string => `Overview week ${week} (${range})`,
    scope: (scopeName: string, weekCode: string): string => `For ${scopeName} · ${weekCode}`,
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    headline: (figure: string): string => `Support within 48 hours: ${figure}`,
    headlineShare: (numerator: number, denominator: number, percent: number): string =>
      `${numerator} of ${denominator} ${denominator === 1 ? 'child' : 'children'} (${percent}%)`,
    headlineNoSignals: 'no signals this week',
    headlineExplained: "For how many children of this week's signals the school recorded support within 48 hours.",
    windowOpen: (count: number): string =>
      count === 1
        ? 'For 1 child the 48 hours are still running: this figure may still rise.'
        : `For ${count} children the 48 hours are still running: this figure may still rise.`,
    share: (numerator: number, denominator: number, percent: number): string => `${numerator} of ${denominator} (${percent}%)`,
    suppressedShare: (threshold: number): string => `not shown (fewer than ${threshold})`,
    duration: (hours: number, minutes: number): string =>
      hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`,
    figuresTitle: 'The week in figures',
    figures: {
      issued: 'Signals sent',
      viaLeerplicht: 'Via the attendance officer',
      delivered: 'Delivered at a school',
      openNow: 'Still open now',
      acknowledgedBeforeSchoolStart: 'Seen before school started',
      acknowledgedWithin24h: 'Seen within 24 hours',
      medianToAcknowledge: 'Median time until seen',
      bounced: 'Sent back (not our pupil)',
      noSchool: 'No school found',
      escalated: 'Escalated to a coordinator',
      deadDeliveries: 'Cards not delivered',
      noPriorConcern: 'No earlier concern at school',
    },
    figuresNote:
      'Seen: of the signals at a school now whose moment (school start, or 24 hours after sending) has passed; a signal already seen always counts. No earlier concern: of the children for whom the school answered that question; nationally it is at least 1 in 3.',
    support: {
      title: 'Support by kind',
      empty: 'No support recorded yet.',
      note: 'One signal can count towards more than one kind of support.',
    },
    trend: {
      title: 'Support within 48 hours over time',
      week: (week: number): string => `week ${week}`,
      /** A week of another year than the digest's: "week 48 (2025)". */
      weekOfYear: (week: number, year: number): string => `week ${week} (${year})`,
      share: (percent: number, numerator: number, denominator: number): string =>
        `${percent}% (${numerator} of ${denominator})`,
      noSignals: '— (no signals)',
      year: (average: string, weeksWithSignals: number, lowest: string, highest: string): string =>
        `Last 52 weeks: on average ${average}, over ${weeksWithSignals} ${weeksWithSignals === 1 ? 'week' : 'weeks'} with signals; lowest week ${lowest}, highest week ${highest}.`,
      extreme: (percent: number, week: number): string => `${percent}% (week ${week})`,
      yearEmpty: 'Last 52 weeks: no signals yet.',
      chartTitle: 'Support within 48 hours per week, last 52 weeks',
      xAxis: 'Week number',
      yAxis: 'Percent',
      chartNote: 'Weeks without signals are left out of the chart: there is nothing to divide.',
      sparklineLegend: 'Oldest week on the left. ▁ is 0%, █ is 100%, · is a week without signals.',
      showAll: 'All 52 weeks as text',
    },
    schools: {
      title: 'By school',
      issued: 'Signals',
      acknowledged: 'Seen',
      supported: 'Support ≤ 48 h',
      bounced: 'Sent back',
      empty: 'No school had a signal this week.',
      suppressedNote: (threshold: number): string =>
        `"<${threshold}" means ${threshold === 2 ? '1' : `1 to ${threshold - 1}`}. Small counts per school are not shown exactly, so that nobody can trace a child.`,
      hiddenNote: '"•" is a hidden count: otherwise a small count elsewhere in the same column could be worked out from the total.',
    },
    footer: (dateTime: string): string => `Counts only, never names. Made on ${dateTime}.`,
    help: '**digest** — the weekly overview of last week; **digest 2026-W47** for another week.',
    usage: {
      title: 'Which week?',
      text: 'Type **digest** for last week, or **digest** followed by the week, for example **digest 2026-W47**.',
    },
    notOver: {
      title: 'That week is not over yet',
      text: (weekCode: string): string => `Week ${weekCode} has not ended yet; the overview is about whole weeks. Type **digest** for last week.`,
    },
    notManager: {
      title: 'No access',
      text: "The weekly overview is for managers and coordinators. Think you should have this role? Ask your municipality's functional administrator.",
    },
  },

  help: {
    title: 'What can you do here?',
    vtWorker: [
      '**signal** — send a new Handle with Care signal to a school or via the attendance officer, for one or more children.',
      '**status** — see how far your recent signals are, step by step.',
    ],
    schoolContact:
      'As a school contact person you receive signals here in this chat. Press **Seen** when you pick one up, then record the support the school gives. Is the child not at your school? Then press **Not our pupil**.',
    leerplicht:
      'As an attendance officer you receive here the signals that go via the attendance officer. Choose the school and press **Forward**, or **No school found**. Type **status** to see what is waiting for you.',
    coordinator:
      "As a coordinator you get a message here when a school does not pick up a signal in time; press **I'll contact the school** when you call the school.",
    manager:
      'As a manager you get an overview of last week here every Monday morning: counts only, never names. Was every child seen and supported within 48 hours?',
    admin:
      'As a functional administrator you are told here when a card cannot be delivered. Schools, people and roles are kept in the directory file.',
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
    personalChatOnly: {
      title: 'Only in a personal chat',
      text: 'Handle with Care works only in your personal chat with the bot, so that nobody else sees the signals. Open the app from Apps in Teams.',
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
    notIssuer: {
      title: 'Not your signal',
      text: 'Only the person who sent the signal can do this.',
    },
    notLeerplicht: {
      title: 'No access',
      text: 'Only attendance officers of this municipality can forward this signal.',
    },
    notCoordinator: {
      title: 'No access',
      text: 'Only coordinators of this municipality can take this on.',
    },
    notContactOfSchool: {
      title: 'Not for your school',
      text: 'This signal is meant for the contact persons of another school. Nothing has changed.',
    },
    pickedUpByColleague: {
      title: 'Picked up by a colleague',
      text: 'A colleague picked this signal up and records the support. Only they can see or change it. Nothing has changed.',
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
    'SIGNAL.ALREADY_ROUTED': {
      title: 'Already forwarded',
      text: (byName: string, schoolName: string, time: string): string =>
        `This signal has already been forwarded by ${byName} to ${schoolName} at ${time}. You do not need to do anything.`,
    },
    'SIGNAL.ALREADY_CLOSED': {
      title: 'Already closed',
      text: 'It has already been established that no school was found.',
    },
    'SIGNAL.SCHOOL_TRIED': {
      title: 'School already tried',
      text: 'This school has already said the child is not their pupil. Choose another school.',
    },
    'SIGNAL.NOT_AT_SCHOOL': {
      title: 'No longer with your school',
      text: 'This signal was sent back and is no longer with your school. Nothing has changed.',
    },
    'SIGNAL.NO_RECIPIENTS': {
      title: 'No attendance officer known',
      text: 'No attendance officer of this municipality is known in Handle with Care yet, so nobody would receive the signal. Call the attendance office or ask the functional administrator to add someone.',
    },
    'SIGNAL.NOT_BOUNCED': {
      title: 'Not sent back',
      text: 'This signal has not been sent back (any more); there is nothing to do.',
    },
    'SIGNAL.NOT_ESCALATED': {
      title: 'Not escalated',
      text: 'This signal has not been escalated; there is nothing to do.',
    },
    'SIGNAL.ESCALATION_TAKEN': {
      title: 'A colleague is already calling',
      text: (byName: string): string => `${byName} is already contacting the school. You do not need to do anything.`,
    },
    'SIGNAL.NOT_ACKNOWLEDGED': {
      title: 'Not picked up yet',
      text: 'Press **Seen** first, before you record support.',
    },
    'SIGNAL.SUPPORT_LOCKED': {
      title: 'Can no longer be changed',
      text: 'Support can only be changed on the same day. What you recorded stays as it is.',
    },
    'SIGNAL.SUPPORT_CLOSED': {
      title: 'Period ended',
      text: 'The period for recording support for this signal has ended. Nothing was changed.',
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
