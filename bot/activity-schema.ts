import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(500), name: z.string().max(500).optional(), aadObjectId: z.string().max(100).optional() }).passthrough();

/**
 * The shape an incoming activity must have before it reaches botbuilder. CloudAdapter answers
 * 500 (with the error text) for bodies it cannot read, so the edge checks first and answers 400.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(100),
    id: z.string().max(500).optional(),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.string().url().max(2000),
    from: account,
    recipient: account,
    conversation: z
      .object({ id: z.string().min(1).max(1000), conversationType: z.string().max(100).optional(), tenantId: z.string().max(100).optional() })
      .passthrough(),
    text: z.string().max(10_000).optional(),
    locale: z.string().max(50).optional(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && !cardActionSchema.safeParse(activity.value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'an Action.Execute payload' });
    }
  });

/** What Teams sends in `value` for Action.Execute (invoke `adaptiveCard/action`). */
export const cardActionSchema = z.object({
  action: z
    .object({
      type: z.literal('Action.Execute'),
      verb: z.string().max(100).optional(),
      data: z.unknown().optional(),
    })
    .passthrough(),
});
