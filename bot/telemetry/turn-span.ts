import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { isVerb } from '../../cards/verbs';

/** Runs the handling of one POST /api/messages inside a span; `res` holds the status sent. */
export type TraceTurn = (body: unknown, res: { statusCode: number }, handle: () => Promise<void>) => Promise<void>;

export const untracedTurn: TraceTurn = (_body, _res, handle) => handle();

/** Activity types and invoke names Teams sends; anything else is recorded as `other`. */
const ACTIVITY_TYPES = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing', 'endOfConversation']);
const INVOKE_NAMES = new Set(['adaptiveCard/action', 'task/fetch', 'task/submit', 'signin/verifyState', 'signin/tokenExchange', 'fileConsent/invoke', 'actionableMessage/executeAction']);

/**
 * A span per turn at the HTTP edge, named by what the activity asks for (`turn signal.submit`).
 * Its attributes are taken from the raw body through allow-lists only: the activity type, the
 * invoke name and the card verb when they are ones the bot knows, and the status answered.
 * Never text, input values, names or ids: a free-form field could carry a child's name.
 */
export function traceTurns(tracer: Tracer): TraceTurn {
  return (body, res, handle) => {
    const { type, name, verb } = describeActivity(body);
    const label = verb !== undefined ? verb : name !== undefined ? name : type;
    return tracer.startActiveSpan(
      `turn ${label}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'hwc.activity.type': type,
          ...(name !== undefined ? { 'hwc.activity.name': name } : {}),
          ...(verb !== undefined ? { 'hwc.card.verb': verb } : {}),
        },
      },
      async (span) => {
        try {
          await handle();
        } finally {
          span.setAttribute('http.response.status_code', res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        }
      },
    );
  };
}

function describeActivity(body: unknown): { type: string; name?: string; verb?: string } {
  const activity = (typeof body === 'object' && body !== null ? body : {}) as { type?: unknown; name?: unknown; value?: { action?: { verb?: unknown } } };
  const type = typeof activity.type === 'string' && ACTIVITY_TYPES.has(activity.type) ? activity.type : 'other';
  if (type !== 'invoke') return { type };
  const name = typeof activity.name === 'string' && INVOKE_NAMES.has(activity.name) ? activity.name : 'other';
  if (name !== 'adaptiveCard/action') return { type, name };
  const verb = activity.value?.action?.verb;
  return { type, name, verb: typeof verb === 'string' && isVerb(verb) ? verb : 'other' };
}
