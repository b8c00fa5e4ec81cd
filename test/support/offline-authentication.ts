import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentials } from 'botframework-connector';
import type { TestAuthentication } from '../../bot/adapter';

/** The header the bot puts on its calls to the fake Bot Connector instead of an Entra token. */
export const OFFLINE_BOT_TOKEN = 'Bearer offline-test-token';

/**
 * The production credentials factory for the same app settings, so that which audience is ours
 * (`isValidAppId`) stays botbuilder's own decision; only the outgoing token is not asked of Entra.
 */
class OfflineCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials(appId: string): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', OFFLINE_BOT_TOKEN);
        return request;
      },
    };
  }
}

/**
 * Public-cloud Bot Framework settings, except that the signing keys come from `metadataUrl`.
 * The emulator and skill key URL points there too, so no token shape can make botbuilder go online.
 */
export function offlineAuthentication(app: { appId: string; appPassword: string }, metadataUrl: string): TestAuthentication {
  return {
    endpoints: {
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    },
    credentialsFactory: new OfflineCredentialsFactory({ MicrosoftAppId: app.appId, MicrosoftAppPassword: app.appPassword, MicrosoftAppType: 'MultiTenant' }),
  };
}
