/** Everything the Teams tab adds to the bot's server: its page and its API. */
import type { Server } from 'restify';
import { registerTabPage, type TabPageOptions } from './tab-page';
import { registerTabApi, type TabApiDeps } from './tab-routes';

export type TabDeps = TabApiDeps & { page?: TabPageOptions };

export function registerTab(server: Server, deps: TabDeps): void {
  registerTabPage(server, deps.page);
  registerTabApi(server, deps);
}
