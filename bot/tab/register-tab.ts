/** Everything the Teams tab adds to the bot's server: its API (and its page). */
import type { Server } from 'restify';
import { registerTabApi, type TabApiDeps } from './tab-routes';

export type TabDeps = TabApiDeps;

export function registerTab(server: Server, deps: TabDeps): void {
  registerTabApi(server, deps);
}
