import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../src/ports';
import { describeError } from './logger';

export interface AdapterSettings {
  appId: string;
  appPassword?: string;
  appType?: string;
  tenantId?: string;
}

/**
 * CloudAdapter with the edge we need: the HTTP layer hands it an already validated activity and
 * writes every response itself, so no botbuilder error text ever reaches a caller.
 */
export class HwcAdapter extends CloudAdapter {
  constructor(settings: AdapterSettings, logger: Logger, genericReply: (context: TurnContext, correlationId: string) => Promise<void>) {
    super(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: settings.appId,
        MicrosoftAppPassword: settings.appPassword ?? '',
        MicrosoftAppType: settings.appType ?? (settings.appId ? 'MultiTenant' : ''),
        MicrosoftAppTenantId: settings.tenantId ?? '',
      }),
    );
    // The one place unexpected turn errors end: log names and a correlation id, tell the user
    // something went wrong with that id, never the error text.
    this.onTurnError = async (context, error) => {
      const correlationId = randomUUID();
      logger.error({ correlationId, activityType: context.activity.type, ...describeError(error) }, 'turn failed');
      try {
        await genericReply(context, correlationId);
      } catch (replyError) {
        logger.error({ correlationId, ...describeError(replyError) }, 'could not tell the user about a failed turn');
      }
    };
  }

  /** Runs one turn for a validated activity; throws AuthenticationError when the caller is not trusted. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
