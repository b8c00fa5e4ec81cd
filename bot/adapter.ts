import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { correlationIdOf } from './turn-info';
import type { Logger } from '../src/ports';
import { describeError } from './logger';

export interface AdapterSettings {
  appId: string;
  appPassword?: string;
  appType?: string;
  tenantId?: string;
  /** Tests only (index.ts never sets it): local OpenID metadata and outgoing tokens, so the real JWT checks run offline. */
  authForTests?: TestAuthentication;
}

/** Replacements for what botbuilder would fetch from Microsoft: where the signing keys are, and the bot's own token. */
export interface TestAuthentication {
  /** Endpoint settings such as ToBotFromChannelOpenIdMetadataUrl; setting one makes botbuilder expect them all. */
  endpoints: ConfigurationBotFrameworkAuthenticationOptions;
  /** Decides which app ids are ours and signs outgoing calls without asking Entra. */
  credentialsFactory: ServiceClientCredentialsFactory;
}

/** Errors jsonwebtoken throws from a token check (bad signature, algorithm, not yet valid) that botbuilder passes on as they are. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * CloudAdapter with the edge we need: the HTTP layer hands it an already validated activity and
 * writes every response itself, so no botbuilder error text ever reaches a caller.
 */
export class HwcAdapter extends CloudAdapter {
  constructor(settings: AdapterSettings, logger: Logger, genericReply: (context: TurnContext, correlationId: string) => Promise<void>) {
    super(
      new ConfigurationBotFrameworkAuthentication(
        {
          MicrosoftAppId: settings.appId,
          MicrosoftAppPassword: settings.appPassword ?? '',
          MicrosoftAppType: settings.appType ?? (settings.appId ? 'MultiTenant' : ''),
          MicrosoftAppTenantId: settings.tenantId ?? '',
          ...settings.authForTests?.endpoints,
        },
        settings.authForTests?.credentialsFactory,
      ),
    );
    // The one place unexpected turn errors end: log names and a correlation id, tell the user
    // something went wrong with that id, never the error text.
    this.onTurnError = async (context, error) => {
      // The turn's own id: the same one its audit entries and log lines carry.
      const correlationId = correlationIdOf(context);
      logger.error({ correlationId, activityType: context.activity.type, ...describeError(error) }, 'turn failed');
      try {
        await genericReply(context, correlationId);
      } catch (replyError) {
        logger.error({ correlationId, ...describeError(replyError) }, 'could not tell the user about a failed turn');
      }
    };
  }

  /** Runs one turn for a validated activity; throws AuthenticationError when the caller is not trusted. */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    // Authenticated apart from the turn, so that a token error is told from a failing turn.
    let authentication: AuthenticateRequestResult;
    try {
      authentication = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
    return this.processActivity(authentication, activity, logic);
  }
}

/**
 * botbuilder throws AuthenticationError for most rejected tokens, but lets jsonwebtoken's own
 * errors (a bad signature, a wrong algorithm, not valid yet) through as they are: those are a
 * rejected caller too. Anything else (the key endpoint unreachable) stays a failure of ours.
 */
function asAuthenticationError(error: unknown): unknown {
  if (error instanceof AuthenticationError || !(error instanceof Error)) return error;
  if (JWT_ERRORS.has(error.name)) {
    return new AuthenticationError(`Unauthorized. ${error.name}`, 401);
  }
  return error;
}
