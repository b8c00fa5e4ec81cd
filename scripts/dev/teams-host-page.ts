/**
 * A same-origin stand-in for Teams (for `npm run dev` and the browser tests) that embeds the tab in
 * an iframe and answers the teams-js messages the tab sends: `initialize`, `getContext` and `authentication.getAuthToken`, as the
 * host's half of teams-js's postMessage protocol does ({id, uuidAsString, args}). Everything else
 * the tab sends is recorded, not answered. `window.setTeamsTheme(theme)` plays Teams' theme switch.
 */
export interface HostOptions {
  tabPath: string;
  token: string;
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  oid: string;
  tid: string;
}

export function teamsTestHostPage(options: HostOptions): string {
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: { appInstallDialog: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
  };
  const context = {
    locale: options.locale,
    theme: options.theme,
    userObjectId: options.oid,
    tid: options.tid,
    hostClientType: 'web',
    frameContext: 'content',
    appSessionId: '0b0e9c2e-0000-4000-8000-00000000a11e',
    entityId: 'overzicht',
    hostName: 'Teams',
  };
  const config = JSON.stringify({ runtime: JSON.stringify(runtime), context, token: options.token, tabPath: options.tabPath });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams test host</title>
<style>body{margin:0}iframe{border:0;width:100vw;height:100vh;display:block}</style></head>
<body><iframe id="tab" title="Handle with Care"></iframe>
<script>
const config = ${config.replace(/</g, '\\u003c')};
const frame = document.getElementById('tab');
window.unanswered = [];
const answers = {
  initialize: () => ['content', 'web', config.runtime, '2.58.0'],
  getContext: () => [config.context],
  'authentication.getAuthToken': () => [true, config.token],
};
window.addEventListener('message', (event) => {
  const message = event.data;
  if (event.source !== frame.contentWindow || !message || typeof message.func !== 'string') return;
  const answer = answers[message.func];
  if (!answer) { window.unanswered.push(message.func); return; }
  frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args: answer() }, location.origin);
});
window.setTeamsTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
frame.src = config.tabPath;
</script></body></html>`;
}
