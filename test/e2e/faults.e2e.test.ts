/**
 * Delivery that survives a failing Bot Connector, over real HTTP with a clock the test moves:
 * Teams throttling with Retry-After, a run of 500s, a contact the bot can no longer write to, and
 * a slow connector. Whatever happens on the way, each card arrives once — or, when Teams' answer
 * is final, is never tried again.
 *
 * Two layers retry. botbuilder's HTTP client retries a 429/503 (after Retry-After) and 5xx
 * (after 0.5–4 s of real time) up to 3 times inside one send; only when those are used up does
 * the dispatcher see the error and schedule its own retry on the moved clock. The tests do not
 * depend on where that line lies: the faults either last until the test lifts them (so every
 * try of both layers meets them) or are a fixed number that both layers together work through,
 * and the assertions count what Teams accepted in the end — one card — and every request made.
 */
import type { Directory } from '../../src/domain/directory';
import { visibleText } from '../support/card-query';
import { cardOf, FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock, MINUTE, SECOND } from '../support/fixed-clock';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  tessa: 'a0000000-0000-4000-8000-000000000001',
  victor: 'b0000000-0000-4000-8000-000000000001',
  rita: 'c0000000-0000-4000-8000-000000000001',
  sem: 'c0000000-0000-4000-8000-000000000002',
  lotte: 'd0000000-0000-4000-8000-000000000001',
};

/** One school per fault, so that each test counts only its own conversations. */
const schools = { throttled: '12AB00', failing: '34CD00', roster: '56EF00', slow: '78GH00' };

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct', holidayRegion: 'zuid' }],
  schools: [
    { id: schools.throttled, name: 'Basisschool De Regenboog', municipalityId: 'GM0917' },
    { id: schools.failing, name: 'Kindcentrum De Vlinder', municipalityId: 'GM0917' },
    { id: schools.roster, name: 'Basisschool Het Kompas', municipalityId: 'GM0917' },
    { id: schools.slow, name: 'Basisschool De Wilg', municipalityId: 'GM0917' },
  ],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.tessa, name: 'Tessa Throttle', roles: [{ role: 'school_contact', schoolId: schools.throttled, rank: 'primary' }] },
    { aadObjectId: ids.victor, name: 'Victor Vijfhonderd', roles: [{ role: 'school_contact', schoolId: schools.failing, rank: 'primary' }] },
    { aadObjectId: ids.rita, name: 'Rita Roster', roles: [{ role: 'school_contact', schoolId: schools.roster, rank: 'primary' }] },
    { aadObjectId: ids.sem, name: 'Sem Bereikbaar', roles: [{ role: 'school_contact', schoolId: schools.roster, rank: 'backup' }] },
    { aadObjectId: ids.lotte, name: 'Lotte Langzaam', roles: [{ role: 'school_contact', schoolId: schools.slow, rank: 'primary' }] },
  ],
};

type CardValue = { value: Record<string, unknown> };

/**
 * Far beyond any backoff the dispatcher may choose (its cap is 15 minutes), and still well before
 * the reminders of the signals issued here (1.5 hours after issue).
 */
const LATER = 16 * MINUTE;

describe('delivery through a failing Bot Connector', () => {
  const connector = new FakeBotConnector();
  // A Monday morning in Amsterdam, inside the schools' working window: cards go out at once.
  const clock = new FixedClock('2026-12-07T10:00:00+01:00');
  let bot: RunningBot;
  let wendy: TeamsUser, tessa: TeamsUser, victor: TeamsUser, rita: TeamsUser, sem: TeamsUser, lotte: TeamsUser;

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock });
    const user = (id: string, name: string) => new TeamsUser(bot.botUrl, connector.url, id, name);
    wendy = user(ids.wendy, 'Wendy Veilig');
    tessa = user(ids.tessa, 'Tessa Throttle');
    victor = user(ids.victor, 'Victor Vijfhonderd');
    rita = user(ids.rita, 'Rita Roster');
    sem = user(ids.sem, 'Sem Bereikbaar');
    lotte = user(ids.lotte, 'Lotte Langzaam');
  });

  afterAll(async () => {
    if (process.env.HWC_DEBUG_LOGS) process.stdout.write(bot.logs.text);
    await bot.app.close();
    await connector.stop();
  });

  /** Wendy issues a signal for one child at `schoolId`; resolves with its reference code. */
  const issue = async (schoolId: string, firstName: string): Promise<string> => {
    const answer = await wendy.press('signal.submit', {
      children: 1,
      firstName_0: firstName,
      lastName_0: 'Jansen',
      birthDate_0: '2017-03-15',
      schoolId_0: schoolId,
    });
    const reference = /HWC-[0-9A-Z]{5}/.exec(visibleText((answer.body as CardValue).value))?.[0] ?? '';
    expect(reference).not.toBe('');
    return reference;
  };

  /** Cards for this signal that Teams accepted in the user's chat. */
  const cardsFor = (user: TeamsUser, reference: string) =>
    connector.calls.filter((c) => c.method === 'send' && c.conversationId === user.conversationId && visibleText(cardOf(c.body)).includes(reference));

  test('a 429 with Retry-After holds the card back until Retry-After has passed; then it arrives once', async () => {
    // Teams sends Retry-After (seconds), which the dispatcher honours. botbuilder's client prefers
    // retry-after-ms when present: it lets its own in-process retries (real time) take 1 ms
    // instead of 120 real seconds each. The dispatcher reads only Retry-After.
    connector.failAllIn(tessa.conversationId, 429, { 'Retry-After': '120', 'retry-after-ms': '1' }, { error: { code: 'Throttled' } });
    const reference = await issue(schools.throttled, 'Tobias');
    await bot.app.idle();
    const throttled = connector.requestsIn(tessa.conversationId);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((r) => r.status === 429)).toBe(true);
    expect(cardsFor(tessa, reference)).toEqual([]);

    // Teams would take it now, but Retry-After (2 minutes, far more than the first backoff of at
    // most 2 s) has not passed: a tick leaves it alone.
    connector.recover(tessa.conversationId);
    clock.advance(119 * SECOND);
    await bot.app.tick();
    expect(connector.requestsIn(tessa.conversationId)).toHaveLength(throttled.length);

    clock.advance(1 * SECOND);
    await bot.app.tick();
    expect(cardsFor(tessa, reference)).toHaveLength(1);
    expect(visibleText(cardOf(cardsFor(tessa, reference)[0]!.body))).toContain('Tobias Jansen');

    clock.advance(LATER);
    await bot.app.tick();
    expect(cardsFor(tessa, reference)).toHaveLength(1);
  });

  test('after several 500s in a row the card arrives, once', async () => {
    // Five 500s: the dispatcher is the only one that retries (one request per attempt, nothing
    // retried below it), so the sixth request, its sixth attempt, succeeds.
    const failures = 5;
    connector.failNextIn(victor.conversationId, failures, 500, undefined, { error: { code: 'InternalServerError' } });
    const reference = await issue(schools.failing, 'Vera');
    await bot.app.idle();
    // Each round moves the clock past the longest backoff the dispatcher may have chosen after
    // its latest failure (2 s doubled per attempt, jitter below that), then runs a tick.
    for (let round = 0; round < 12 && cardsFor(victor, reference).length === 0; round++) {
      clock.advance(2 ** round * 2 * SECOND);
      await bot.app.tick();
    }
    expect(cardsFor(victor, reference)).toHaveLength(1);
    expect(connector.requestsIn(victor.conversationId).map((r) => r.status)).toEqual([...Array<number>(failures).fill(500), 200]);

    clock.advance(LATER);
    await bot.app.tick();
    expect(cardsFor(victor, reference)).toHaveLength(1);
    expect(connector.requestsIn(victor.conversationId)).toHaveLength(failures + 1);
  }, 40_000);

  test('403 BotNotInConversationRoster is final for that contact: never tried again; the other contact gets the card once', async () => {
    connector.failAllIn(rita.conversationId, 403, undefined, { error: { code: 'BotNotInConversationRoster' } });
    const reference = await issue(schools.roster, 'Ruben');
    await bot.app.idle();
    expect(cardsFor(sem, reference)).toHaveLength(1);
    const refused = connector.requestsIn(rita.conversationId);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.status === 403)).toBe(true);

    // Later ticks, past any backoff: Teams would still refuse, but the bot does not ask again.
    clock.advance(LATER);
    await bot.app.tick();
    await bot.app.tick();
    expect(connector.requestsIn(rita.conversationId)).toHaveLength(refused.length);
    expect(cardsFor(rita, reference)).toEqual([]);
    expect(cardsFor(sem, reference)).toHaveLength(1);
  });

  test('a slow Bot Connector, with a scheduler tick while the card is on its way, still yields one card', async () => {
    connector.delayNext(1, 100, lotte.conversationId);
    // The tick starts the moment the slow request arrives, while its answer is held back: the
    // dispatcher that sent it holds the delivery's lease, so the relay leaves it alone. (Should
    // the tick come after the answer, the card is already recorded as shown: one card either way.)
    const tickedDuringSend = connector.waitForRequest((r) => r.conversationId === lotte.conversationId).then(() => bot.app.tick());
    const reference = await issue(schools.slow, 'Lieke');
    await tickedDuringSend;
    await bot.app.idle();
    expect(cardsFor(lotte, reference)).toHaveLength(1);
    expect(connector.requestsIn(lotte.conversationId)).toEqual([expect.objectContaining({ method: 'send', status: 200 })]);

    clock.advance(LATER);
    await bot.app.tick();
    expect(cardsFor(lotte, reference)).toHaveLength(1);
  });
});
