import { ConfigError, loadConfig } from '../../src/config';

describe('HWC_TAB_CLIENT_ID', () => {
  it('is read as the tab SSO audience, lower case', () => {
    expect(loadConfig({ HWC_TAB_CLIENT_ID: '6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B' }).tabClientId).toBe('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
  });

  it('is optional: without it the tab is off', () => {
    expect(loadConfig({}).tabClientId).toBeUndefined();
  });

  it('must be an Entra client id (a GUID)', () => {
    expect(() => loadConfig({ HWC_TAB_CLIENT_ID: 'api://example.org/x' })).toThrow(ConfigError);
  });
});
