/**
 * Issue 5, authorization: every command and every card button is decided by the acting member's
 * roles in the directory, found by the Entra object id Teams puts on the activity
 * (`from.aadObjectId`) — never by ids or roles in the card's data.
 *
 * MATRIX below is the whole rule as data: one row per command or verb, one column per kind of
 * person. Each cell runs in a fresh bot (BotHarness: botbuilder's TestAdapter over the real use
 * cases and memory stores), brings a signal into the state where the action makes sense by
 * talking to the bot the way Teams does, and then lets that person act.
 * - allowed: the action happens (and a read-only one changes nothing);
 * - refused: a polite Dutch notice without inputs, buttons, child data or reference; the store
 *   holds the same signals, unchanged; nothing new is sent to anyone; no audit entry says "ok";
 * Every button is pressed twice over: with the data its card carries, and with that data plus
 * forged fields (member id, role, school, issuer) that would let the actor through if the bot
 * believed them.
 */
import { Commands, Verbs, stringsFor } from '../../cards';
import { STATUS_DAYS } from '../../src/app/list-my-signals';
import type { Directory } from '../../src/domain/directory';
import type { Signal } from '../../src/domain/signal';
import type { Stored } from '../../src/ports';
import { COORDINATOR_ID, aCoordinator, aMember, memberId } from '../fixtures/directory';
import {
  BACKUP_CONTACT_ID,
  LEERPLICHT_OFFICER_ID,
  MUNICIPALITY_ID,
  NO_ROLE_ID,
  OTHER_MUNICIPALITY_ID,
  OTHER_MUNICIPALITY_OFFICER_ID,
  OTHER_SCHOOL_CONTACT_ID,
  OTHER_WORKER_ID,
  PALET_CONTACT_ID,
  PALET_SCHOOL_ID,
  PRIMARY_CONTACT_ID,
  SCHOOL_ID,
  STRANGER_ID,
  VT_WORKER_ID,
  aRoutingDirectory,
} from '../fixtures/school-directory';
import { aChild } from '../fixtures/signals';
import { BotHarness, type ChatUser } from '../support/bot-harness';
import type { MessengerCall } from '../support/fake-messenger';
import { buttonTitled, executeActions, inputLabelled, inputs, visibleText } from '../support/card-query';

type Card = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// The people
// ---------------------------------------------------------------------------------------------

const MANAGER_ID = memberId(20);
const ADMIN_ID = memberId(21);
const ELSEWHERE_COORDINATOR_ID = memberId(22);

/**
 * The routing world (Heerlen with De Regenboog and Het Palet, Maastricht with its own school,
 * leerplicht officers on both sides) plus a coordinator on each side, a manager and an admin.
 */
function aDirectoryWithEveryRole(): Directory {
  const routing = aRoutingDirectory();
  return {
    ...routing,
    members: [
      ...routing.members,
      aCoordinator(),
      aCoordinator({ aadObjectId: ELSEWHERE_COORDINATOR_ID, name: 'Guus Maas', municipalityIds: [OTHER_MUNICIPALITY_ID] }),
      aMember({ aadObjectId: MANAGER_ID, name: 'Marloes Kuipers', roles: [{ role: 'manager', municipalityIds: [MUNICIPALITY_ID], schoolIds: [SCHOOL_ID] }] }),
      aMember({ aadObjectId: ADMIN_ID, name: 'Ada Beheer', roles: [{ role: 'admin' }] }),
    ],
  };
}

interface Actor {
  /** Who this is, as the test titles say it. */
  who: string;
  user: ChatUser;
  /** The activity's `from` when it is not simply this user's: a Teams user without an Entra id. */
  from?: { id: string; name: string };
  /** Someone the directory does not know (the Teams user is real, the member is not). */
  unknown?: true;
}

const ACTORS = {
  worker: { who: 'vt_worker who issued the signal', user: { aadObjectId: VT_WORKER_ID, name: 'Petra Jansen' } },
  colleague: { who: 'vt_worker, a colleague', user: { aadObjectId: OTHER_WORKER_ID, name: 'Karim El Amrani' } },
  officer: { who: 'leerplicht of the municipality', user: { aadObjectId: LEERPLICHT_OFFICER_ID, name: 'Ruud Peeters' } },
  farOfficer: { who: 'leerplicht of another municipality', user: { aadObjectId: OTHER_MUNICIPALITY_OFFICER_ID, name: 'Leo Dassen' } },
  contact: { who: 'school_contact of the school', user: { aadObjectId: PRIMARY_CONTACT_ID, name: 'Anouk de Wit' } },
  /** The backup contact of the signal's school: gets the signal card too, but did not press Gezien. */
  schoolColleague: { who: 'school_contact, a colleague at the same school', user: { aadObjectId: BACKUP_CONTACT_ID, name: 'Jeroen Smit' } },
  otherContact: { who: 'school_contact of another school, same municipality', user: { aadObjectId: PALET_CONTACT_ID, name: 'Sanne Lemmens' } },
  farContact: { who: 'school_contact of a school elsewhere', user: { aadObjectId: OTHER_SCHOOL_CONTACT_ID, name: 'Fleur Hendriks' } },
  coordinator: { who: 'coordinator of the municipality', user: { aadObjectId: COORDINATOR_ID, name: 'Mieke Hermans' } },
  farCoordinator: { who: 'coordinator of another municipality', user: { aadObjectId: ELSEWHERE_COORDINATOR_ID, name: 'Guus Maas' } },
  manager: { who: 'manager', user: { aadObjectId: MANAGER_ID, name: 'Marloes Kuipers' } },
  admin: { who: 'admin', user: { aadObjectId: ADMIN_ID, name: 'Ada Beheer' } },
  noRole: { who: 'member without a role', user: { aadObjectId: NO_ROLE_ID, name: 'Otto Buiten' } },
  stranger: { who: 'Teams user not in the directory', user: { aadObjectId: STRANGER_ID, name: 'Onbekend' }, unknown: true },
  anonymous: {
    who: "Teams user without an Entra id whose from.id is the worker's",
    user: { aadObjectId: 'no-entra-id', name: 'Petra Jansen' },
    from: { id: `29:${VT_WORKER_ID}`, name: 'Petra Jansen' },
    unknown: true,
  },
} satisfies Record<string, Actor>;

type ActorKey = keyof typeof ACTORS;

/** The matrix's columns, in order. */
const COLUMNS: readonly ActorKey[] = [
  'worker', 'colleague', 'officer', 'farOfficer', 'contact', 'schoolColleague', 'otherContact', 'farContact',
  'coordinator', 'farCoordinator', 'manager', 'admin', 'noRole', 'stranger', 'anonymous',
];

/**
 * Who the audit names: the activity's Entra object id, nothing else; an activity without one is
 * refused under the Teams id it came with.
 */
function memberIdOf(actor: Actor): string {
  return actor.from ? `teams:${actor.from.id}` : actor.user.aadObjectId;
}

function isInDirectory(actor: Actor): boolean {
  return !actor.unknown;
}

// ---------------------------------------------------------------------------------------------
// Talking to the bot the way Teams does
// ---------------------------------------------------------------------------------------------

function say(hwc: BotHarness, actor: Actor, text: string) {
  return hwc.turn(actor.user, { type: 'message', text, ...(actor.from ? { from: actor.from } : {}) });
}

function press(hwc: BotHarness, actor: Actor, verb: string, data: Record<string, unknown>, onMessage?: string) {
  return hwc.turn(actor.user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...(onMessage ? { replyToId: onMessage } : {}),
    ...(actor.from ? { from: actor.from } : {}),
  });
}

/** The one card a typed command answered with, as a message in the chat. */
async function commandAnswer(hwc: BotHarness, actor: Actor, text: string): Promise<Card> {
  const turn = await say(hwc, actor, text);
  expect(turn.invokeResponse).toBeUndefined();
  expect(turn.cards).toHaveLength(1);
  return turn.cards[0]!;
}

/** The card a pressed button answered with: always a 200 invoke response, never a new message. */
async function buttonAnswer(hwc: BotHarness, actor: Actor, verb: string, data: Record<string, unknown>, onMessage?: string): Promise<Card> {
  const turn = await press(hwc, actor, verb, data, onMessage);
  expect(turn.replies).toEqual([]);
  expect(turn.invokeResponse?.status).toBe(200);
  expect(turn.invokeResponse?.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return turn.invokeResponse!.body.value;
}

/** The card last sent or updated in a member's chat. */
function lastCardOf(hwc: BotHarness, member: string): Card {
  const last = hwc.core.messenger.delivered(member).at(-1);
  if (!last) throw new Error(`nothing was sent to ${member}`);
  return last.card as Card;
}

/** The signal id on a button of the card last sent to a member, as Teams would send it back. */
function signalIdOnButton(hwc: BotHarness, member: string, title: string): string {
  const button = buttonTitled(lastCardOf(hwc, member), title);
  if (!button) throw new Error(`the card of ${member} has no button "${title}"`);
  return String(button.data.signalId);
}

// ---------------------------------------------------------------------------------------------
// The states a signal is brought into, through the bot, before someone acts on it
// ---------------------------------------------------------------------------------------------

const child = aChild();
const CATEGORIES = 'no_penalty,listening_ear';

/** What Teams sends when the worker presses Verstuur on a one-child form. */
function formFor(schoolId: string): Record<string, unknown> {
  return { children: 1, firstName_0: child.firstName, lastName_0: child.lastName, birthDate_0: child.birthDate, schoolId_0: schoolId };
}

/** A step of the arrangement, by someone the matrix allows: it must not be refused. */
async function step(hwc: BotHarness, actor: Actor, verb: string, data: Record<string, unknown>, onMessage?: string): Promise<void> {
  const answer = await buttonAnswer(hwc, actor, verb, data, onMessage);
  expect(visibleText(answer)).not.toMatch(REFUSAL);
  await hwc.core.idle();
}

async function issueTo(hwc: BotHarness, destination: string): Promise<void> {
  await step(hwc, ACTORS.worker, Verbs.signalSubmit, formFor(destination), 'form-message-1');
}

type Scenario = 'at the school' | 'waiting for leerplicht' | 'sent back to the worker' | 'picked up' | 'support recorded' | 'escalated';

const ARRANGE: Record<Scenario, (hwc: BotHarness) => Promise<string>> = {
  async 'at the school'(hwc) {
    await issueTo(hwc, SCHOOL_ID);
    const signalId = signalIdOnButton(hwc, PRIMARY_CONTACT_ID, 'Gezien');
    expect((await hwc.core.stored(signalId)).state).toBe('delivered');
    return signalId;
  },
  async 'waiting for leerplicht'(hwc) {
    await issueTo(hwc, `leerplicht:${MUNICIPALITY_ID}`);
    const signalId = signalIdOnButton(hwc, LEERPLICHT_OFFICER_ID, 'Doorsturen');
    expect((await hwc.core.stored(signalId)).state).toBe('awaiting_routing');
    return signalId;
  },
  async 'sent back to the worker'(hwc) {
    const signalId = await ARRANGE['at the school'](hwc);
    await step(hwc, ACTORS.contact, Verbs.signalBounce, { signalId });
    expect((await hwc.core.stored(signalId)).state).toBe('bounced');
    return signalId;
  },
  async 'picked up'(hwc) {
    const signalId = await ARRANGE['at the school'](hwc);
    await step(hwc, ACTORS.contact, Verbs.signalAcknowledge, { signalId });
    expect((await hwc.core.stored(signalId)).state).toBe('acknowledged');
    return signalId;
  },
  async 'support recorded'(hwc) {
    const signalId = await ARRANGE['picked up'](hwc);
    await step(hwc, ACTORS.contact, Verbs.supportSave, { signalId, categories: CATEGORIES, priorConcern: 'no' });
    expect((await hwc.core.stored(signalId)).state).toBe('supported');
    return signalId;
  },
  async escalated(hwc) {
    await ARRANGE['at the school'](hwc);
    // Issued Monday 20:30; nobody picked it up by Tuesday 09:00, half an hour after the due time.
    hwc.core.clock.set('2026-03-03T08:00:00.000Z');
    await hwc.core.actOnDeadlines.runDue();
    await hwc.core.idle();
    const signalId = signalIdOnButton(hwc, COORDINATOR_ID, 'Ik neem contact op');
    expect((await hwc.core.stored(signalId)).escalation).toBeDefined();
    return signalId;
  },
};

// ---------------------------------------------------------------------------------------------
// What is refused looks like, and what "nothing changed" means
// ---------------------------------------------------------------------------------------------

const nl = stringsFor('nl');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (texts: string[]) => new RegExp(texts.map(escape).join('|'));

/** Every notice that refuses someone access, in Dutch. */
const ACCESS_REFUSALS = [
  nl.bot.notVtWorker,
  nl.bot.notIssuer,
  nl.bot.notLeerplicht,
  nl.bot.notCoordinator,
  nl.bot.notContactOfSchool,
  nl.bot.pickedUpByColleague,
  nl.errors['ACCESS.ROLE_REQUIRED'],
  nl.errors['ACCESS.NOT_YOUR_SIGNAL'],
  nl.errors['ACCESS.UNKNOWN_MEMBER'],
  nl.audit.notAdmin,
  nl.digest.notManager,
];
const REFUSAL = oneOf(ACCESS_REFUSALS.map((r) => r.text));
/** Someone the directory does not know is told exactly that. */
const UNKNOWN_MEMBER = oneOf([nl.errors['ACCESS.UNKNOWN_MEMBER'].text]);

function expectPoliteRefusal(answer: Card, actor: Actor, reference: string | undefined): void {
  const text = visibleText(answer);
  expect(text).toMatch(isInDirectory(actor) ? REFUSAL : UNKNOWN_MEMBER);
  expect(text).not.toContain(nl.bot.genericError.title);
  expectNothingShown(answer, reference);
}

/** No inputs or buttons to go on with, and nothing about the child or the signal. */
function expectNothingShown(answer: Card, reference: string | undefined): void {
  const text = visibleText(answer);
  expect(inputs(answer)).toEqual([]);
  expect(executeActions(answer)).toEqual([]);
  for (const secret of [child.firstName, child.lastName, child.birthDate, '14-05-2016', ...(reference ? [reference] : [])]) {
    expect(text).not.toContain(secret);
  }
}

function expectNotRefused(answer: Card): void {
  const text = visibleText(answer);
  expect(text).not.toMatch(REFUSAL);
  expect(text).not.toContain(nl.bot.genericError.title);
  expect(text).not.toContain(nl.bot.unknownAction.title);
}

/** Everything an action could change: every signal as stored (etag included), and everything sent. */
interface Snapshot {
  signals: Array<Stored<Signal>>;
  calls: MessengerCall[];
  openedChats: string[];
}

async function snapshot(hwc: BotHarness): Promise<Snapshot> {
  const signals: Array<Stored<Signal>> = [];
  const issuers = new Set([...Object.values(ACTORS).map((a) => a.user.aadObjectId), '']);
  for (const issuer of issuers) {
    for (const { id } of await hwc.core.signals.listIssuedBy(issuer, new Date(0))) {
      const stored = await hwc.core.signals.get(id);
      if (stored) signals.push(stored);
    }
  }
  signals.sort((a, b) => a.value.id.localeCompare(b.value.id));
  return { signals, calls: [...hwc.core.messenger.calls], openedChats: [...hwc.core.messenger.openedChats] };
}

// ---------------------------------------------------------------------------------------------
// The actions: what each one asks, in which state, and what it did when it was allowed
// ---------------------------------------------------------------------------------------------

interface Done {
  hwc: BotHarness;
  actor: Actor;
  signalId: string;
  answer: Card;
  before: Snapshot;
  after: Snapshot;
}

interface ActionSpec {
  given: Scenario;
  /** A typed command (given the signal's reference), or a pressed button with the data its card carries (inputs merged in). */
  ask: { say: (reference: string) => string } | { verb: string; data: (signalId: string) => Record<string, unknown> };
  /** Whether an allowed action changes the store or sends anything. */
  changes: boolean;
  /** What the action did, when it was allowed. */
  done(d: Done): Promise<void>;
}

const stored = (d: Done) => d.hwc.core.stored(d.signalId);

const ACTIONS = {
  signaal: {
    given: 'at the school',
    ask: { say: () => 'signaal' },
    changes: false,
    async done({ answer }) {
      expect(inputLabelled(answer, 'Voornaam')).toBeDefined();
      expect(buttonTitled(answer, 'Verstuur')?.verb).toBe(Verbs.signalSubmit);
    },
  },
  status: {
    given: 'waiting for leerplicht',
    ask: { say: () => 'status' },
    changes: false,
    async done({ answer }) {
      expect(visibleText(answer)).toMatch(oneOf([nl.status.title(STATUS_DAYS), nl.leerplichtStatus.title]));
    },
  },
  help: {
    given: 'at the school',
    ask: { say: () => 'help' },
    changes: false,
    async done({ answer }) {
      expect(visibleText(answer)).toContain(nl.help.title);
    },
  },
  overzicht: {
    given: 'at the school',
    ask: { say: () => 'overzicht' },
    changes: false,
    async done({ answer }) {
      expect(visibleText(answer)).toMatch(/Overzicht week \d+/);
    },
  },
  audit: {
    given: 'at the school',
    ask: { say: (reference) => `audit ${reference}` },
    changes: false,
    async done({ hwc, signalId, answer }) {
      const { reference } = await hwc.core.stored(signalId);
      expect(visibleText(answer)).toContain(nl.audit.title(reference));
    },
  },
  [Verbs.signalSubmit]: {
    given: 'at the school',
    ask: { verb: Verbs.signalSubmit, data: () => formFor(SCHOOL_ID) },
    changes: true,
    async done({ hwc, actor, answer, before, after }) {
      expect(visibleText(answer)).toMatch(/HWC-[A-Z0-9]{5}/);
      expect(after.signals).toHaveLength(before.signals.length + 1);
      const issued = await hwc.core.signals.listIssuedBy(memberIdOf(actor), new Date(0));
      expect(issued.some((s) => !before.signals.some((b) => b.value.id === s.id))).toBe(true);
    },
  },
  [Verbs.signalAddChild]: {
    given: 'at the school',
    ask: { verb: Verbs.signalAddChild, data: () => formFor(SCHOOL_ID) },
    changes: false,
    async done({ answer }) {
      expect(inputs(answer).map((i) => i.id)).toContain('firstName_1');
    },
  },
  [Verbs.signalAcknowledge]: {
    given: 'at the school',
    ask: { verb: Verbs.signalAcknowledge, data: (signalId) => ({ signalId }) },
    changes: true,
    async done(d) {
      expect((await stored(d)).acknowledgement?.by).toBe(memberIdOf(d.actor));
      expect(buttonTitled(d.answer, 'Opslaan')?.verb).toBe(Verbs.supportSave);
    },
  },
  [Verbs.signalBounce]: {
    given: 'at the school',
    ask: { verb: Verbs.signalBounce, data: (signalId) => ({ signalId }) },
    changes: true,
    async done(d) {
      expect((await stored(d)).state).toBe('bounced');
      expect(visibleText(d.answer)).toContain('Teruggestuurd: niet onze leerling');
    },
  },
  [Verbs.signalForward]: {
    given: 'waiting for leerplicht',
    ask: { verb: Verbs.signalForward, data: (signalId) => ({ signalId, schoolId: SCHOOL_ID }) },
    changes: true,
    async done(d) {
      const signal = await stored(d);
      expect(signal.schoolId).toBe(SCHOOL_ID);
      expect(signal.state).not.toBe('awaiting_routing');
      expect(visibleText(d.answer)).toContain(`Doorgestuurd door ${d.actor.user.name}`);
    },
  },
  [Verbs.signalNoSchool]: {
    given: 'waiting for leerplicht',
    ask: { verb: Verbs.signalNoSchool, data: (signalId) => ({ signalId, reason: 'moved' }) },
    changes: true,
    async done(d) {
      expect((await stored(d)).state).toBe('unroutable');
    },
  },
  [Verbs.signalToLeerplicht]: {
    given: 'sent back to the worker',
    ask: { verb: Verbs.signalToLeerplicht, data: (signalId) => ({ signalId }) },
    changes: true,
    async done(d) {
      expect((await stored(d)).state).toBe('awaiting_routing');
    },
  },
  [Verbs.supportSave]: {
    given: 'picked up',
    ask: { verb: Verbs.supportSave, data: (signalId) => ({ signalId, categories: CATEGORIES, priorConcern: 'no' }) },
    changes: true,
    async done(d) {
      expect((await stored(d)).support?.categories).toEqual(CATEGORIES.split(','));
    },
  },
  [Verbs.supportEdit]: {
    given: 'support recorded',
    ask: { verb: Verbs.supportEdit, data: (signalId) => ({ signalId }) },
    changes: false,
    async done({ answer }) {
      expect(buttonTitled(answer, 'Opslaan')?.verb).toBe(Verbs.supportSave);
      // The card it replaces stays recorded as "supported", never drawn again: no child on it.
      expect(visibleText(answer)).not.toContain(child.lastName);
    },
  },
  [Verbs.escalationTake]: {
    given: 'escalated',
    ask: { verb: Verbs.escalationTake, data: (signalId) => ({ signalId }) },
    changes: true,
    async done(d) {
      expect((await stored(d)).escalation?.takenBy?.by).toBe(memberIdOf(d.actor));
    },
  },
} satisfies Record<string, ActionSpec>;

type ActionName = keyof typeof ACTIONS;

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

type Outcome = 'allowed' | 'refused';
const Y: Outcome = 'allowed';
const N: Outcome = 'refused';

const MATRIX: Record<ActionName, readonly Outcome[]> = {
  // schoolColleague: the signal's school's backup contact, who did not press Gezien (the contact did).
  //                         worker colleague officer farOfficer contact schoolColleague otherContact farContact coordinator farCoordinator manager admin noRole stranger anonymous
  signaal:                   [Y,     Y,        N,      N,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  status:                    [Y,     Y,        Y,      Y,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  help:                      [Y,     Y,        Y,      Y,         Y,      Y,              Y,           Y,         Y,          Y,             Y,      Y,    Y,     Y,       Y],
  overzicht:                 [N,     N,        N,      N,         N,      N,              N,           N,         Y,          Y,             Y,      N,    N,     N,       N],
  audit:                     [N,     N,        N,      N,         N,      N,              N,           N,         N,          N,             N,      Y,    N,     N,       N],
  'signal.submit':           [Y,     Y,        N,      N,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'signal.add_child':        [Y,     Y,        N,      N,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'signal.acknowledge':      [N,     N,        N,      N,         Y,      Y,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'signal.bounce':           [N,     N,        N,      N,         Y,      Y,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'signal.forward':          [N,     N,        Y,      N,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'signal.no_school':        [N,     N,        Y,      N,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'signal.to_leerplicht':    [Y,     N,        N,      N,         N,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'support.save':            [N,     N,        N,      N,         Y,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'support.edit':            [N,     N,        N,      N,         Y,      N,              N,           N,         N,          N,             N,      N,    N,     N,       N],
  'escalation.take':         [N,     N,        N,      N,         N,      N,              N,           N,         Y,          N,             N,      N,    N,     N,       N],
};

interface Row {
  actor: ActorKey;
  who: string;
  action: ActionName;
  outcome: Outcome;
}

const ROWS: Row[] = (Object.keys(MATRIX) as ActionName[]).flatMap((action) =>
  COLUMNS.map((actor, i) => ({ actor, who: ACTORS[actor].who, action, outcome: MATRIX[action][i] ?? N })),
);
const BUTTON_ROWS = ROWS.filter((row) => 'verb' in ACTIONS[row.action].ask);

/**
 * The card data a hostile or confused client could add: the id of someone the matrix allows, every
 * role, the issuer, and another school and municipality. The verb's own fields win (a forward's
 * schoolId is its input), so an allowed press still does exactly what it did.
 */
function forged(action: ActionName, data: Record<string, unknown>): Record<string, unknown> {
  const entitled = COLUMNS.find((actor, i) => MATRIX[action][i] === Y && isInDirectory(ACTORS[actor]));
  if (!entitled) throw new Error(`nobody may ${action}: nobody to impersonate`);
  const claimed = ACTORS[entitled].user.aadObjectId;
  return {
    memberId: claimed,
    aadObjectId: claimed,
    actorId: claimed,
    from: { id: `29:${claimed}`, aadObjectId: claimed },
    issuedBy: VT_WORKER_ID,
    role: 'admin',
    roles: ['vt_worker', 'leerplicht', 'school_contact', 'coordinator', 'manager', 'admin'],
    schoolId: PALET_SCHOOL_ID,
    municipalityId: OTHER_MUNICIPALITY_ID,
    ...data,
  };
}

/** One cell: a fresh bot, the signal in its state, this person acts, the outcome is checked. */
async function checkCell({ actor: key, action, outcome }: Row, forge: boolean): Promise<void> {
  const hwc = await BotHarness.create({ directory: aDirectoryWithEveryRole() });
  const spec: ActionSpec = ACTIONS[action];
  const actor: Actor = ACTORS[key];
  const signalId = await ARRANGE[spec.given](hwc);
  const reference = (await hwc.core.signals.get(signalId))?.value.reference;
  const before = await snapshot(hwc);
  const auditedFrom = hwc.core.audit.all.length;

  const ask = spec.ask;
  const asking =
    'say' in ask
      ? commandAnswer(hwc, actor, ask.say(reference ?? ''))
      : buttonAnswer(hwc, actor, ask.verb, forge ? forged(action, ask.data(signalId)) : ask.data(signalId), `card-of-${key}`);
  const answer: Card = await asking;
  await hwc.core.idle();
  const after = await snapshot(hwc);

  // Whatever this request audited names the member Teams said was acting: never an id from the
  // card. (A card the dispatcher delivered is audited as read by its recipient: card.*.)
  const audited = hwc.core.audit.all.slice(auditedFrom).filter((e) => !e.action.startsWith('card.'));
  expect(audited.map((e) => e.actorId)).toEqual(audited.map(() => memberIdOf(actor)));

  if (outcome === N) {
    expectPoliteRefusal(answer, actor, reference);
    expect(after).toEqual(before);
    expect(audited.filter((e) => e.result === 'ok')).toEqual([]);
  } else {
    expectNotRefused(answer);
    if (!spec.changes) expect(after).toEqual(before);
    await spec.done({ hwc, actor, signalId, answer, before, after });
  }
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('authorization: every command and card action, decided by the actor’s directory roles', () => {
  it('covers every command and every card verb, with a cell for every person', () => {
    const commandWords = Object.values(Commands).map((words) => words[0]);
    expect(Object.keys(MATRIX).sort()).toEqual([...commandWords, ...Object.values(Verbs)].sort());
    for (const cells of Object.values(MATRIX)) expect(cells).toHaveLength(COLUMNS.length);
  });

  describe('with the data the card carries', () => {
    it.each(ROWS)('$who × $action → $outcome', async (row) => {
      await checkCell(row, false);
    });
  });

  describe('with forged member id, role, issuer and school in the card data', () => {
    it.each(BUTTON_ROWS)('$who × $action → $outcome', async (row) => {
      await checkCell(row, true);
    });
  });

  describe('status shows only what the directory lets this person see', () => {
    it.each([
      { actor: 'worker' as const, sees: true },
      { actor: 'colleague' as const, sees: false },
      { actor: 'officer' as const, sees: true },
      { actor: 'farOfficer' as const, sees: false },
    ])('$actor sees the waiting signal: $sees', async ({ actor, sees }) => {
      const hwc = await BotHarness.create({ directory: aDirectoryWithEveryRole() });
      const signalId = await ARRANGE['waiting for leerplicht'](hwc);
      const { reference } = await hwc.core.stored(signalId);
      const text = visibleText(await commandAnswer(hwc, ACTORS[actor], 'status'));
      if (sees) expect(text).toContain(reference);
      else expect(text).not.toContain(reference);
      expect(text).not.toContain(child.firstName);
    });
  });
});
