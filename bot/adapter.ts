import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { correlationIdOf } from './turn-info';
import type { Logger } from '../src/ports';
import { describeError } from './logger';
import type { BotConnectorClient } from './bot-connector-client';
import { TurnAuthentication } from './turn-connector';

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
  /** How long a token check may wait for the key service; KEY_CHECK_DEADLINE_MS otherwise. */
  keyCheckDeadlineMs?: number;
}

/**
 * A token check waiting on a key service that does not answer is given up after this long and
 * answered 503, well before Teams gives up on the request (about 15 s) and while it still retries.
 * botbuilder's own fetch of the keys has no deadline.
 */
export const KEY_CHECK_DEADLINE_MS = 10_000;

/** The token check outlasted KEY_CHECK_DEADLINE_MS: the key service is taken as unreachable. */
class KeyCheckTimedOut extends Error {
  constructor() {
    super('the token check waited too long for the signing keys');
    this.name = 'KeyCheckTimedOut';
  }
}

/** Errors jsonwebtoken throws from a token check (bad signature, algorithm, not yet valid) that botbuilder passes on as they are. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * The Bot Framework's signing keys could not be fetched, so no token can be checked: an outage
 * of ours (answered 503, so Teams retries), not a rejected caller.
 */
export class SigningKeysUnavailableError extends Error {
  constructor() {
    super('The signing keys could not be fetched');
    this.name = 'SigningKeysUnavailableError';
  }
}

/**
 * CloudAdapter with the edge we need: the HTTP layer hands it an already validated activity and
 * writes every response itself, so no botbuilder error text ever reaches a caller.
 */
export class HwcAdapter extends CloudAdapter {
  private readonly keyCheckDeadlineMs: number;

  constructor(
    settings: AdapterSettings,
    private readonly logger: Logger,
    genericReply: (context: TurnContext, correlationId: string) => Promise<void>,
    /** The bot's own Bot Connector client: a turn's replies go through it too (bot/turn-connector.ts). */
    connector: BotConnectorClient,
  ) {
    super(
      new TurnAuthentication(
        {
          MicrosoftAppId: settings.appId,
          MicrosoftAppPassword: settings.appPassword ?? '',
          MicrosoftAppType: settings.appType ?? (settings.appId ? 'MultiTenant' : ''),
          MicrosoftAppTenantId: settings.tenantId ?? '',
          ...settings.authForTests?.endpoints,
        },
        settings.authForTests?.credentialsFactory,
        connector,
      ),
    );
    this.keyCheckDeadlineMs = settings.authForTests?.keyCheckDeadlineMs ?? KEY_CHECK_DEADLINE_MS;
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

  /**
   * Runs one turn for a validated activity; throws AuthenticationError when the caller is not
   * trusted, SigningKeysUnavailableError when that cannot be told.
   */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    // Authenticated apart from the turn, so that a token error is told from a failing turn.
    let authentication: AuthenticateRequestResult;
    try {
      authentication = await withDeadline(this.botFrameworkAuthentication.authenticateRequest(activity, authHeader), this.keyCheckDeadlineMs);
    } catch (error) {
      if (isKeyFetchFailure(error)) {
        // Names and codes only: the message names the key service's address and status.
        const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
        this.logger.error({ errorName: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}), ...(typeof statusCode === 'number' ? { statusCode } : {}) }, 'signing keys unavailable');
        throw new SigningKeysUnavailableError();
      }
      throw asAuthenticationError(error);
    }
    return this.processActivity(authentication, activity, logic);
  }
}

/** `work`, or KeyCheckTimedOut once `ms` have passed (the work itself cannot be cancelled, and is left to end). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new KeyCheckTimedOut()), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
    // Whatever it ends in after the deadline is no longer anyone's concern.
    work.catch(() => undefined);
  }
}

/**
 * botbuilder's OpenID metadata cache reports a key service that answers with an error status as
 * an AuthenticationError carrying 500 (which would pass for a rejected token), and one it cannot
 * reach as node-fetch's FetchError (refused connection, bad JSON).
 */
function isKeyFetchFailure(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  if (error instanceof KeyCheckTimedOut) return true;
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  return error.name === 'FetchError';
}

/**
 * botbuilder throws AuthenticationError for most rejected tokens, but lets jsonwebtoken's own
 * errors (a bad signature, a wrong algorithm, not valid yet) through as they are: those are a
 * rejected caller too. Anything else stays a failure of ours (an unreachable key service is told
 * apart before, by isKeyFetchFailure).
 */
function asAuthenticationError(error: unknown): unknown {
  if (error instanceof AuthenticationError || !(error instanceof Error)) return error;
  if (JWT_ERRORS.has(error.name)) {
    return new AuthenticationError(`Unauthorized. ${error.name}`, 401);
  }
  return error;
}
