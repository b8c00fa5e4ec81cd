/**
 * Cards that outlive the moment of delivery must not carry the child's name or birth date:
 * they stay in chats after the signal is redacted. Each view here is built from an object
 * that also carries the child, as a careless caller might pass a whole signal.
 */
import { issueConfirmationCard } from '../../cards/issue-confirmation-card';
import { statusCard } from '../../cards/status-card';
import { supportFormCard } from '../../cards/support-form-card';
import { supportRecordedCard } from '../../cards/support-recorded-card';
import { takenCard } from '../../cards/taken-card';
import { aStatus, aSupportForm, aSupportRecorded, aTaken, anIssueConfirmation, CHILD, CHILD_STRINGS } from './views';

const withChild = <T extends object>(view: T): T => ({ ...view, child: CHILD, ...CHILD });

describe('cards that hold no child data', () => {
  const cards = {
    'the taken card': () => takenCard(withChild(aTaken())),
    "the worker's confirmation": () => issueConfirmationCard(withChild(anIssueConfirmation())),
    'the status card': () => statusCard(withChild(aStatus({ rows: aStatus().rows.map(withChild) }))),
    'the support-recorded card': () => supportRecordedCard(withChild(aSupportRecorded())),
  };

  it.each(Object.entries(cards))('%s shows neither name nor birth date', (_name, build) => {
    const json = JSON.stringify(build());

    for (const text of CHILD_STRINGS) expect(json).not.toContain(text);
  });

  it('the support form names the child only while the signal still holds the name', () => {
    const named = JSON.stringify(supportFormCard(aSupportForm()));
    const redacted = JSON.stringify(supportFormCard(aSupportForm({ child: undefined })));

    expect(named).toContain("Zoë van 't Hoff-Achterberg");
    for (const text of CHILD_STRINGS) expect(redacted).not.toContain(text);
    expect(redacted).toContain('HWC-7F3K');
  });
});
