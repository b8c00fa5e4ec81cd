/** The local Entra stand-in (scripts/dev/local-entra.ts) under the names the tab's tests use. */
export { LocalEntra as EntraTestServer, LOCAL_TAB_CLIENT_ID as TAB_CLIENT_ID, LOCAL_TENANT as TENANT } from '../../scripts/dev/local-entra';

export const OTHER_TENANT = 'f9e8d7c6-0000-4000-8000-000000000002';
