import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentials, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../src/config';

/**
 * How the bot's own Bot Connector client gets its tokens: botbuilder's credentials for the
 * configured app (secret, or managed identity), for Teams in the public cloud. None in local mode,
 * where the Bot Connector (the Agents Playground) asks for none. Tests hand in a factory that
 * signs offline, as they do for the adapter.
 */
export function connectorCredentials(config: Config, factory?: ServiceClientCredentialsFactory): (() => Promise<ServiceClientCredentials>) | undefined {
  if (!config.appId) return undefined;
  const credentials =
    factory ??
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: config.appId,
      MicrosoftAppPassword: config.appPassword ?? '',
      MicrosoftAppType: config.appType ?? 'MultiTenant',
      MicrosoftAppTenantId: config.tenantId ?? '',
    });
  return () =>
    credentials.createCredentials(config.appId, AuthenticationConstants.ToChannelFromBotOAuthScope, AuthenticationConstants.ToChannelFromBotLoginUrl, true);
}
