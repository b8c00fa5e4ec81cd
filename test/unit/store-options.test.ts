/**
 * The stores a running bot opens: a due signal the scheduler cannot read is skipped and written
 * to the log as an error, by id and error name only — never the document, which may hold a name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeOptionsFor } from '../../bot/store-options';
import { openSqliteDatabase, sqliteStoresOver } from '../../src/store/sqlite';
import { aChild, aSignalWithDeadline } from '../fixtures/signals';
import { RecordingLogger } from '../support/recording-logger';

describe('the stores a running bot opens', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'hwc-store-options-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('logs a due signal it cannot read as an error, by id only, and keeps its retention setting', async () => {
    const logger = new RecordingLogger();
    const options = storeOptionsFor({ auditRetentionDays: 400 }, logger);
    const db = openSqliteDatabase(join(folder, 'hwc.sqlite'));
    const stores = sqliteStoresOver(db, options);
    const due = new Date('2026-03-03T09:00:00.000Z');
    const broken = aSignalWithDeadline(due);
    await stores.signals.create(broken);
    db.prepare(`UPDATE signals SET document = json_set(document, '$.state', 'unknown_state') WHERE id = ?`).run(broken.id);

    expect(await stores.signals.listDeadlinesDue(due, 10)).toEqual([]);

    expect(options.auditRetentionDays).toBe(400);
    expect(logger.lines).toEqual([{ level: 'error', fields: { signalId: broken.id, errorName: 'InvalidDocumentError' }, message: expect.stringContaining('cannot be read') }]);
    expect(JSON.stringify(logger.lines)).not.toContain(aChild().lastName);
    await stores.close();
  });

  it('logs the same unreadable record once an hour, not on every scan', () => {
    const logger = new RecordingLogger();
    let now = 0;
    const { onUnreadableSignal } = storeOptionsFor({ auditRetentionDays: 400 }, logger, () => now);
    for (let second = 0; second < 3_600; second++) {
      now = second * 1_000;
      onUnreadableSignal!('signal-a', 'InvalidDocumentError');
    }
    onUnreadableSignal!('signal-b', 'InvalidDocumentError');
    now = 3_600_000;
    onUnreadableSignal!('signal-a', 'InvalidDocumentError');
    expect(logger.lines.map((l) => l.fields.signalId)).toEqual(['signal-a', 'signal-b', 'signal-a']);
  });
});
