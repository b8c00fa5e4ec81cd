import {
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  ConnectorFactory,
  UserTokenClient,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { BotConnectorClient, OutgoingActivity } from './bot-connector-client';

/** A turn's own reply (a card answering a command) gives up after this: the user can ask again. */
export const TURN_REPLY_TIMEOUT_MS = 15_000;

/**
 * botbuilder's authentication, except for what a turn uses to answer: CloudAdapter would build a
 * botbuilder ConnectorClient (an HTTP pipeline with retry policies of its own, which cannot be
 * switched off) and a UserTokenClient for every turn. Here a turn's replies go through the bot's
 * own Bot Connector client, like every other call to Teams — one request per reply, no hidden
 * retries — and no token client is built: the bot signs nobody in (the tab uses Teams SSO).
 * Token checks of incoming requests stay botbuilder's, unchanged.
 */
export class TurnAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly replies: ConnectorFactory;

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions, credentialsFactory: ServiceClientCredentialsFactory | undefined, client: BotConnectorClient) {
    super(options, credentialsFactory);
    this.replies = new TurnConnectorFactory(client);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return { ...(await super.authenticateRequest(activity, authHeader)), connectorFactory: this.replies };
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return { ...(await super.authenticateStreamingRequest(authHeader, channelIdHeader)), connectorFactory: this.replies };
  }

  override createConnectorFactory(): ConnectorFactory {
    return this.replies;
  }

  override async createUserTokenClient(): Promise<UserTokenClient> {
    return noUserTokens;
  }
}

/** Hands botbuilder, for each turn, the few conversation calls it makes for replies. */
class TurnConnectorFactory extends ConnectorFactory {
  constructor(private readonly client: BotConnectorClient) {
    super();
  }

  async create(serviceUrl: string): Promise<ConnectorClient> {
    const { client } = this;
    const signal = () => AbortSignal.timeout(TURN_REPLY_TIMEOUT_MS);
    // CloudAdapter's sendActivities, updateActivity and deleteActivity use only these members of
    // its connector; anything else it might reach for is missing on purpose, and fails loudly.
    const conversations = {
      sendToConversation: (conversationId: string, activity: Partial<Activity>) => client.sendActivity(serviceUrl, conversationId, outgoing(activity), signal()),
      replyToActivity: (conversationId: string, replyToId: string, activity: Partial<Activity>) =>
        client.replyToActivity(serviceUrl, conversationId, replyToId, outgoing(activity), signal()),
      updateActivity: async (conversationId: string, activityId: string, activity: Partial<Activity>) => {
        await client.updateActivity(serviceUrl, conversationId, activityId, outgoing(activity), signal());
        return { id: activityId };
      },
    };
    return { conversations } as unknown as ConnectorClient;
  }
}

/** botbuilder's reply, as the bot's client sends it: the activity as botbuilder filled it in. */
function outgoing(activity: Partial<Activity>): OutgoingActivity {
  return activity as unknown as OutgoingActivity;
}

/** Signing users in to other services is not something this bot does. */
class NoUserTokenClient extends UserTokenClient {
  private refuse(): never {
    throw new Error('user tokens are not used by this bot');
  }
  getUserToken(): never {
    return this.refuse();
  }
  getSignInResource(): never {
    return this.refuse();
  }
  signOutUser(): never {
    return this.refuse();
  }
  getTokenStatus(): never {
    return this.refuse();
  }
  getAadTokens(): never {
    return this.refuse();
  }
  exchangeToken(): never {
    return this.refuse();
  }
}

const noUserTokens = new NoUserTokenClient();
