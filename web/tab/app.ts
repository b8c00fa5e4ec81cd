/**
 * The Teams tab: initialise teams-js, read Teams' locale and theme, sign in silently with Teams
 * SSO (getAuthToken: one call, no consent pop-up for a pre-authorised Teams client; nested app
 * authentication can replace it once the bot needs Graph from the page), ask the server who this
 * is, and show only the pages their roles allow.
 */
import { app } from '@microsoft/teams-js';
import { baseLayerLuminance, fluentButton, fluentTextField, provideFluentDesignSystem, StandardLuminance } from '@fluentui/web-components';
import { ApiError, getJson, sendJson, type CardsData, type DirectoryData, type FiguresData, type Me, type Page } from './api';
import { directoryPage } from './directory-page';
import { h } from './dom';
import { figuresPage } from './figures-page';
import { localeOf, stringsFor, type Locale, type Strings } from './strings';

provideFluentDesignSystem().register(fluentButton(), fluentTextField());

const root = document.getElementById('app') as HTMLElement;

function show(...content: Array<Node | string>): void {
  root.replaceChildren(...content);
  root.setAttribute('aria-busy', 'false');
}

/** Teams' themes: default (light), dark and contrast; the page follows them live. */
function applyTheme(theme: string): string {
  const known = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.documentElement.dataset.theme = known;
  baseLayerLuminance.setValueFor(document.documentElement, known === 'default' ? StandardLuminance.LightMode : StandardLuminance.DarkMode);
  return known;
}

/** A page asked for by the tab's URL (?page=beheer or overzicht), if the person may see it. */
function firstPage(pages: Page[]): Page | undefined {
  const asked = new URLSearchParams(location.search).get('page');
  const wanted: Page | undefined = asked === 'beheer' ? 'directory' : asked === 'overzicht' ? 'figures' : asked === 'kaarten' ? 'cards' : undefined;
  return wanted && pages.includes(wanted) ? wanted : pages[0];
}

async function main(): Promise<void> {
  try {
    await app.initialize();
  } catch {
    // No Teams host (opened in a plain browser): say so, in the browser's language.
    const t = stringsFor(localeOf(navigator.language));
    document.documentElement.lang = localeOf(navigator.language);
    show(h('h1', {}, t.title), h('p', { id: 'outside-teams', role: 'alert' }, t.outsideTeams));
    return;
  }
  const context = await app.getContext();
  const locale = localeOf(context.app.locale);
  const t = stringsFor(locale);
  document.documentElement.lang = locale;
  let theme = applyTheme(context.app.theme);

  const cache: PageCache = { figures: new Map() };
  // Beheer asked for in the URL: its directory (a region's, megabytes) is read while the server
  // is asked who this is, not after. Refused (not an admin): the page is not shown anyway.
  if (new URLSearchParams(location.search).get('page') === 'beheer') cache.directoryEarly = getJson<DirectoryData>('/api/tab/directory').catch(() => undefined);

  let me: Me;
  try {
    me = await getJson<Me>('/api/tab/me');
  } catch (error) {
    show(h('h1', {}, t.title), h('p', { role: 'alert' }, error instanceof ApiError && error.status !== 401 ? t.loadFailed : t.signInFailed));
    return;
  }
  if (me.pages.length === 0) {
    show(h('h1', {}, t.title), h('p', { id: 'no-role' }, t.noRole));
    return;
  }

  let current = firstPage(me.pages) as Page;
  const main = h('div', { id: 'page' });
  const nav = h('nav', { 'aria-label': t.nav });

  const render = async (): Promise<void> => {
    nav.replaceChildren(
      ...me.pages.map((page) => {
        const button = h('fluent-button', { appearance: page === current ? 'accent' : 'neutral', 'data-page': page, ...(page === current ? { 'aria-current': 'page' } : {}) }, t.pages[page]);
        button.addEventListener('click', () => {
          current = page;
          void render();
        });
        return button;
      }),
    );
    main.replaceChildren(h('p', {}, t.loading));
    try {
      main.replaceChildren(await pageContent(t, locale, current, cache, theme, render));
    } catch {
      main.replaceChildren(h('p', { role: 'alert' }, t.loadFailed));
    }
  };

  app.registerOnThemeChangeHandler((next) => {
    theme = applyTheme(next);
    void render();
  });
  show(h('h1', {}, t.title), nav, main);
  await render();
  // When the first page is on screen, from the frame's navigation (what `npm run bench` reads).
  performance.mark('hwc:first-page');
  app.notifySuccess();
}

/** What a page loaded, kept while the tab is open: a theme switch redraws without asking again. */
interface PageCache {
  directory?: DirectoryData;
  /** The directory, asked for before the person was known (the URL named Beheer). */
  directoryEarly?: Promise<DirectoryData | undefined>;
  /** By week; '' is the default (last week), whose trend gives the weeks to choose from. */
  figures: Map<string, FiguresData>;
  week?: string;
  /** The directory page's status line after an edit (shown once). */
  message?: string;
}

async function pageContent(t: Strings, locale: Locale, page: Page, cache: PageCache, theme: string, redraw: () => Promise<void>): Promise<HTMLElement> {
  if (page === 'cards') {
    // The adaptivecards SDK is half the page's script: loaded only when the card previews open.
    const { cardsPage } = await import('./cards-page');
    return cardsPage(t, locale, (asked) => getJson<CardsData>(`/api/tab/cards?locale=${asked}`), theme);
  }
  if (page === 'directory') {
    const early = await cache.directoryEarly;
    delete cache.directoryEarly;
    const data = (cache.directory ??= early ?? (await getJson<DirectoryData>('/api/tab/directory')));
    const message = cache.message ?? '';
    delete cache.message;
    return directoryPage(
      t,
      data,
      {
        save: (kind, entry) => sendJson('POST', `/api/tab/directory/${kind}`, entry),
        remove: (kind, id) => sendJson('DELETE', `/api/tab/directory/${kind}/${encodeURIComponent(id)}`),
        preview: (kind, csv) => sendJson('POST', '/api/tab/directory/import/preview', { kind, csv }),
        apply: (kind, csv, version) => sendJson('POST', '/api/tab/directory/import/apply', { kind, csv, version }),
        reload: async (next) => {
          delete cache.directory;
          cache.message = next;
          await redraw();
        },
      },
      message,
    );
  }
  const figures = async (week: string) => {
    const known = cache.figures.get(week);
    if (known) return known;
    const loaded = await getJson<FiguresData>(week === '' ? '/api/tab/figures' : `/api/tab/figures?week=${encodeURIComponent(week)}`);
    cache.figures.set(week, loaded);
    return loaded;
  };
  const latest = await figures('');
  const data = await figures(cache.week ?? '');
  const weeks = latest.trend.map((w) => w.week).reverse();
  return figuresPage(t, data, theme, {
    weeks,
    locale,
    choose: (week) => {
      cache.week = week === latest.week ? '' : week;
      void redraw();
    },
  });
}

void main();
