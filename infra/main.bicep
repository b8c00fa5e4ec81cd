// Handle with Care: one environment in one resource group.
// App Service (Linux, Node 22 LTS) running as a user-assigned managed identity, which is also the
// bot's identity (no secret) and signs in to Cosmos DB with Entra ID (no key: local auth is off).
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p infra/main.example.bicepparam
// See docs/deploy.md. test/infra/bicep.test.ts reads this file as text: the containers come from
// cosmos-containers.json and the app settings must match src/config.ts.

targetScope = 'resourceGroup'

@description('Short environment name, used in resource names (hwc-<name>-…): lower case letters and digits.')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region for everything except the bot resource, which is global.')
param location string = resourceGroup().location

@description('HWC_ALLOWED_TENANTS: Entra tenant ids whose Teams activities are accepted, comma-separated. A bot with a user-assigned managed identity serves its own tenant only.')
param allowedTenants string = tenant().tenantId

@description('HWC_DIRECTORY_FILE: where the bot reads the directory (who is who) at start-up. /home is the App Service storage that survives restarts and deployments.')
param directoryFile string = '/home/data/hwc/directory.json'

@description('HWC_DIRECTORY_SOURCE: file (the directory file is the truth) or store (admins keep the directory in the tab; load the file once first so the store holds an admin).')
@allowed(['file', 'store'])
param directorySource string = 'file'

@description('The Teams tab\'s single sign-on app registration (client id, a GUID; docs/deploy.md step 1b): the audience of its tokens (HWC_TAB_CLIENT_ID). Empty: the tab\'s API accepts no token.')
param tabClientId string = ''

@description('HWC_STATS_RETENTION_DAYS: days the anonymous signal records are kept (decided by the privacy officer; at least 90).')
@minValue(90)
@maxValue(3650)
param statsRetentionDays int = 730

@description('HWC_AUDIT_RETENTION_DAYS: days audit entries are kept (decided by the privacy officer).')
@minValue(1)
@maxValue(3650)
param auditRetentionDays int = 1825

@description('Days Log Analytics keeps logs and telemetry (ids and reference codes only, never a child).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('App Service plan size. Basic or higher: the scheduler needs Always On.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'hwc'

@description('Azure Bot pricing tier; Teams is a standard channel, free in F0.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var prefix = 'hwc-${environmentName}'
var suffix = uniqueString(resourceGroup().id, environmentName)
// Node 22 LTS: Node 20 left support in April 2026. The engines range in package.json allows 22 and 24.
var nodeRuntime = 'NODE|22-lts'
// The containers, partition keys, indexing policies and TTL settings the store declares
// (src/store/cosmos/containers.ts), one entry per container in the shape Cosmos DB takes them.
var cosmosContainers = loadJsonContent('cosmos-containers.json')
// Cosmos DB Built-in Data Contributor: read and write items; it cannot create or delete containers.
var cosmosDataContributor = '00000000-0000-0000-0000-000000000002'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // No client IP addresses in telemetry.
    DisableIpMasking: false
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${prefix}-cosmos-${suffix}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [{ name: 'EnableServerless' }]
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    // Entra ID only: the account has keys, but nothing can sign in with them.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    // A deleted child's identity lives on in a backup until the backup expires: the shortest
    // periodic backup (two copies, 4 hours apart, kept 8 hours) keeps that window small.
    backupPolicy: {
      type: 'Periodic'
      periodicModeProperties: {
        backupIntervalInMinutes: 240
        backupRetentionIntervalInHours: 8
        backupStorageRedundancy: 'Local'
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
  }
}

// Serverless: no throughput to set. Each entry is passed as the container's resource unchanged,
// with the partition key's hash kind and version made explicit.
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in cosmosContainers: {
    parent: database
    name: container.id
    properties: {
      resource: union(container, { partitionKey: union(container.partitionKey, { kind: 'Hash', version: 2 }) })
    }
  }
]

// The identity reaches this database's items with Entra ID, and nothing else in the account.
resource cosmosAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributor}'
    principalId: identity.properties.principalId
    scope: '${cosmos.id}/dbs/${cosmosDatabaseName}'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${prefix}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${prefix}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: nodeRuntime
      appCommandLine: 'node dist/bot/index.js'
      // The scheduler (deliveries, deadlines, forgetting, the digest) runs in the process: it must not idle out.
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // App Service sets PORT itself; the bot listens on it.
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'HWC_STORE', value: 'cosmos' }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_AUTH', value: 'managed-identity' }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'HWC_ALLOWED_TENANTS', value: allowedTenants }
        { name: 'HWC_DIRECTORY_SOURCE', value: directorySource }
        { name: 'HWC_DIRECTORY_FILE', value: directorySource == 'store' ? '' : directoryFile }
        { name: 'HWC_TAB_CLIENT_ID', value: tabClientId }
        { name: 'HWC_STATS_RETENTION_DAYS', value: string(statsRetentionDays) }
        { name: 'HWC_AUDIT_RETENTION_DAYS', value: string(auditRetentionDays) }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        // The zip is built beforehand (npm ci, npm run build, npm prune --omit=dev) and runs as it is.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [containers, cosmosAccess]
}

resource appLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${prefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Handle with Care'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
    // Only Teams talks to the bot: no Direct Line or Web Chat secrets.
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The web app to zip-deploy to.')
output appName string = app.name
@description('The bot\'s messaging host.')
output appHostName string = app.properties.defaultHostName
@description('BOT_ID for npm run package: the managed identity\'s client id, which is the bot\'s Microsoft App ID.')
output botId string = identity.properties.clientId
@description('The Cosmos DB endpoint the bot uses.')
output cosmosEndpoint string = cosmos.properties.documentEndpoint
