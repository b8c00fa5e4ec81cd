import type { StatusStepEntry } from '../cards';
import type { StatusStep } from '../src/domain/routing';
import type { Signal, TimelineEventType } from '../src/domain/signal';

/** Which timeline events a worker sees as steps; deliveries and support changes are detail. */
const STEP_OF: Partial<Record<TimelineEventType, StatusStep>> = {
  issued: 'issued',
  to_leerplicht: 'to_leerplicht',
  forwarded: 'forwarded',
  acknowledged: 'acknowledged',
  support_recorded: 'supported',
  bounced: 'bounced',
  unroutable: 'unroutable',
};

/** The worker's view of a signal's timeline, oldest first, with school names filled in. */
export function statusSteps(signal: Signal, schoolNames: Map<string, string>): StatusStepEntry[] {
  return signal.timeline.flatMap((event) => {
    const step = STEP_OF[event.type];
    if (!step) return [];
    const namesSchool = step === 'issued' || step === 'forwarded' || step === 'bounced';
    const schoolName = namesSchool && event.subjectId ? (schoolNames.get(event.subjectId) ?? event.subjectId) : undefined;
    return [{ step, at: event.at, ...(schoolName ? { schoolName } : {}) }];
  });
}

/** Every school a signal's steps mention. */
export function schoolsInSteps(signal: Signal): string[] {
  return signal.timeline
    .filter((e) => (e.type === 'issued' || e.type === 'forwarded' || e.type === 'bounced') && e.subjectId)
    .map((e) => e.subjectId as string);
}
