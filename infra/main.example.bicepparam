// An example for one environment: copy it (e.g. to prod.bicepparam), fill it in, and deploy with
//   az deployment group create -g <group> -f infra/main.bicep -p infra/prod.bicepparam
// Retention values are the privacy officer's decision: see docs/privacy-and-security.md.
using './main.bicep'

param environmentName = 'prod'

// Your own tenant id (az account show --query tenantId -o tsv); the default is the deploying tenant.
param allowedTenants = '00000000-0000-0000-0000-000000000000'

param directoryFile = '/home/data/hwc/directory.json'
// 'store' to keep the directory in the tab instead (docs/deploy.md, step 4).
param directorySource = 'file'

// The tab's app registration from docs/deploy.md step 1b (its clientId).
param tabClientId = '00000000-0000-0000-0000-000000000000'

param statsRetentionDays = 730
param auditRetentionDays = 1825
param logRetentionDays = 30

param appServicePlanSku = 'B1'
param cosmosDatabaseName = 'hwc'
param botSku = 'F0'
