/**
 * Telemetry over the whole path, with an in-memory span exporter and metric reader in place of
 * Azure Monitor: a signal is issued, delivered (once through a 429), picked up, supported,
 * forgotten at its moment, and counted in the weekly digest. Spans and metrics say what happened
 * (a span per turn, per Teams call, per store call; signals issued, Teams latency and 429s, queue
 * depth, forgetting lag, digest runs), log lines carry the trace id, and not one name, attribute,
 * event or metric attribute holds the child's name or birth date.
 */
import { SpanKind } from '@opentelemetry/api';
import type { Directory } from '../../src/domain/directory';
import { buttonTitled } from '../support/card-query';
import { FakeBotConnector } from '../support/fake-bot-connector';
import { FixedClock, MINUTE } from '../support/fixed-clock';
import { InMemoryTelemetry, metricNamed, pointsOf } from '../support/in-memory-telemetry';
import { startBot, writeDirectoryFile, type RunningBot } from '../support/running-bot';
import { TeamsUser } from '../support/teams-user';

const ids = {
  wendy: '11111111-1111-4111-8111-111111111111',
  carla: '22222222-2222-4222-8222-222222222222',
  bram: '33333333-3333-4333-8333-333333333333',
  mia: '66666666-6666-4666-8666-666666666666',
};

const directory: Directory = {
  municipalities: [{ id: 'GM0917', name: 'Heerlen', routing: 'direct' }],
  schools: [{ id: '12AB00', name: 'Basisschool De Regenboog', municipalityId: 'GM0917' }],
  members: [
    { aadObjectId: ids.wendy, name: 'Wendy Veilig', roles: [{ role: 'vt_worker', municipalityIds: ['GM0917'] }] },
    { aadObjectId: ids.carla, name: 'Carla Contact', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'primary' }] },
    { aadObjectId: ids.bram, name: 'Bram Backup', roles: [{ role: 'school_contact', schoolId: '12AB00', rank: 'backup' }] },
    { aadObjectId: ids.mia, name: 'Mia Manager', roles: [{ role: 'manager', municipalityIds: ['GM0917'], schoolIds: [] }] },
  ],
};

const child = { firstName: 'Sanne-Lotte', lastName: "van 't Hoff", birthDate: '2017-03-15' };
/** Every way the bot writes the child down: as typed, on the cards (dd-mm-yyyy), in parts. */
const childTexts = [child.firstName, 'Sanne', 'Lotte', child.lastName, "'t Hoff", child.birthDate, '15-03-2017', '15 maart 2017', '20170315'];

const amsterdam = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe('telemetry of a signal from issue to digest', () => {
  const connector = new FakeBotConnector();
  const telemetry = new InMemoryTelemetry();
  // A Tuesday morning: inside the working window, so cards go out at once.
  const clock = new FixedClock(amsterdam('2026-12-01', '10:00'));
  let bot: RunningBot;
  let wendy: TeamsUser, carla: TeamsUser, bram: TeamsUser;
  let signalId = '';

  beforeAll(async () => {
    await connector.start();
    bot = await startBot({ directoryFile: writeDirectoryFile(directory), connectorUrl: connector.url, clock, telemetry: telemetry.options });
    wendy = new TeamsUser(bot.botUrl, connector.url, ids.wendy, 'Wendy Veilig');
    carla = new TeamsUser(bot.botUrl, connector.url, ids.carla, 'Carla Contact');
    bram = new TeamsUser(bot.botUrl, connector.url, ids.bram, 'Bram Backup');

    await carla.install();
    await wendy.say('signaal');
    const form = connector.calls.filter((c) => c.conversationId === wendy.conversationId && c.method === 'send').at(-1);
    // Bram's chat throttles everything until the test lifts it: his card meets 429s first.
    connector.failAllIn(bram.conversationId, 429, { 'Retry-After': '60', 'retry-after-ms': '1' }, { error: { code: 'Throttled' } });
    const before = connector.calls.length;
    await wendy.press('signal.submit', { ...child, schoolId: '12AB00' }, form?.activityId);
    const carlaCard = await connector.waitFor((c) => c.conversationId === carla.conversationId && c.method === 'send' && connector.calls.indexOf(c) >= before);
    signalId = String(buttonTitled((carlaCard.body.attachments as Array<{ content: Record<string, unknown> }>)[0]!.content, 'Gezien')?.data.signalId);
    await bot.app.idle();
    connector.recover(bram.conversationId);
    clock.advance(2 * MINUTE);
    await bot.app.tick();

    await carla.press('signal.acknowledge', { signalId });
    await carla.press('support.save', { signalId, categories: 'quiet_place', priorConcern: 'no' });
    await bot.app.idle();
    await wendy.say('status');
    await bot.app.idle();
    // Picked up today: the child is forgotten at 17:00; the tick comes half an hour late.
    clock.set(amsterdam('2026-12-01', '17:30'));
    await bot.app.tick();
    // The weekly digest of week 49 goes out on Monday 08:00.
    clock.set(amsterdam('2026-12-07', '08:00'));
    await bot.app.tick();
    await bot.app.tick();
  });

  afterAll(async () => {
    await bot.app.close();
    await connector.stop();
  });

  test('no span name, attribute, event or metric attribute holds the child’s name or birth date', async () => {
    const spans = telemetry.spans();
    const metrics = await telemetry.metrics();
    expect(spans.length).toBeGreaterThan(20);
    const spanTexts = spans.flatMap((s) => [
      s.name,
      JSON.stringify(s.attributes),
      JSON.stringify(s.status),
      JSON.stringify(s.resource.attributes),
      ...s.events.flatMap((e) => [e.name, JSON.stringify(e.attributes ?? {})]),
      ...s.links.map((l) => JSON.stringify(l.attributes ?? {})),
    ]);
    const metricTexts = metrics.flatMap((m) => [m.descriptor.name, m.descriptor.description, m.descriptor.unit, ...pointsOf(m).map((p) => JSON.stringify(p.attributes))]);
    const everything = [...spanTexts, ...metricTexts].join('\n');
    // The search finds what is there: ids that belong in telemetry are found the same way.
    expect(everything).toContain(signalId);
    for (const text of childTexts) expect(everything).not.toContain(text);
  });

  test('each turn is a server span named by what it asks, with its answer’s status and no text', () => {
    const turns = telemetry.spans().filter((s) => s.kind === SpanKind.SERVER);
    const submit = turns.find((s) => s.name === 'turn signal.submit');
    expect(submit?.attributes).toEqual({ 'hwc.activity.type': 'invoke', 'hwc.activity.name': 'adaptiveCard/action', 'hwc.card.verb': 'signal.submit', 'http.response.status_code': 200 });
    expect(turns.map((s) => s.name)).toEqual(expect.arrayContaining(['turn message', 'turn installationUpdate', 'turn signal.acknowledge', 'turn support.save']));
  });

  test('store calls inside a turn are child spans named by port and method, with the signal id only', () => {
    const spans = telemetry.spans();
    const submit = spans.find((s) => s.name === 'turn signal.submit')!;
    const create = spans.find((s) => s.name === 'SignalStore.create');
    expect(create?.spanContext().traceId).toBe(submit.spanContext().traceId);
    expect(create?.attributes).toEqual({ 'hwc.store.port': 'SignalStore', 'hwc.store.method': 'create', 'hwc.signal.id': signalId });
    expect(spans.some((s) => s.name === 'DirectoryStore.getMember' && s.spanContext().traceId === submit.spanContext().traceId)).toBe(true);
    expect(spans.some((s) => s.name === 'AuditLog.append')).toBe(true);
  });

  test('each card delivery is a Teams span; a 429 marks its span and counts as throttled', async () => {
    const spans = telemetry.spans();
    const sends = spans.filter((s) => s.name === 'Teams send');
    expect(sends.filter((s) => s.attributes['hwc.teams.result'] === 'ok').length).toBeGreaterThanOrEqual(3);
    const throttled = sends.filter((s) => s.attributes['http.response.status_code'] === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(spans.some((s) => s.name === 'Teams update')).toBe(true);

    const metrics = await telemetry.metrics();
    expect(pointsOf(metricNamed(metrics, 'hwc.teams.throttled')).map((p) => p.value)).toEqual([throttled.length]);
    const latency = pointsOf(metricNamed(metrics, 'hwc.teams.call.duration'));
    expect(latency.find((p) => p.attributes['hwc.teams.operation'] === 'send' && p.attributes['hwc.teams.result'] === 'ok')).toBeDefined();
  });

  test('metrics count the signal issued, the forgetting lag, the digest run and the queue depth', async () => {
    const metrics = await telemetry.metrics();
    expect(pointsOf(metricNamed(metrics, 'hwc.signals.issued')).map((p) => [p.attributes, p.value])).toEqual([[{ 'hwc.route': 'direct' }, 1]]);
    const lag = pointsOf(metricNamed(metrics, 'hwc.forgetting.lag'))[0]?.value as { count: number; sum: number } | undefined;
    expect(lag?.count).toBe(1);
    expect(lag?.sum).toBe(30 * 60);
    // Two weeks' runs: week 48's starts at the first tick (its Monday has passed), week 49's on 7 December.
    expect(pointsOf(metricNamed(metrics, 'hwc.digest.runs')).map((p) => p.value)).toEqual([2]);
    expect(pointsOf(metricNamed(metrics, 'hwc.digest.deliveries')).map((p) => [p.attributes, p.value])).toEqual([[{ 'hwc.outcome': 'sent' }, 2]]);
    // Nothing is waiting now: every card went out.
    expect(pointsOf(metricNamed(metrics, 'hwc.deliveries.due')).map((p) => p.value)).toEqual([0]);
  });

  test('a signal id that is free text (card data typed by hand) never becomes a span attribute', async () => {
    const typed = 'Noor van Dijk 14-05-2016';
    await carla.press('signal.acknowledge', { signalId: typed });
    await bot.app.idle();
    const gets = telemetry.spans().filter((s) => s.name === 'SignalStore.get');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.some((s) => s.attributes['hwc.signal.id'] === signalId)).toBe(true);
    expect(JSON.stringify(telemetry.spans().map((s) => s.attributes))).not.toContain('Noor');
  });

  test('log lines written inside a span carry its trace id', () => {
    const traceIds = new Set(telemetry.spans().map((s) => s.spanContext().traceId));
    const lines = bot.logs.lines.map((l) => JSON.parse(l) as { trace_id?: string; span_id?: string });
    const traced = lines.filter((l) => l.trace_id !== undefined);
    expect(traced.length).toBeGreaterThan(0);
    for (const line of traced) {
      expect(traceIds.has(line.trace_id!)).toBe(true);
      expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});
