/**
 * Every card the bot sends, drawn in the page by Microsoft's `adaptivecards` SDK from the JSON the
 * bot's own card builders made with sample data: what a new contact will see, in either language,
 * for training and for reviewing the wording. The buttons do nothing here.
 */
import * as AC from 'adaptivecards';
import type { CardsData } from './api';
import { cardMarkdownHtml } from './card-markdown';
import { h } from './dom';
import type { Locale, Strings } from './strings';

/** Teams' look, near enough for a preview: its font, and text that reads on the tab's theme. */
function hostConfig(theme: string): AC.HostConfig {
  const dark = theme !== 'default';
  // The tab's own colours, which meet WCAG contrast on both backgrounds.
  const foregroundColors = {
    default: { default: dark ? '#FFFFFF' : '#242424', subtle: dark ? '#D6D6D6' : '#616161' },
    accent: { default: dark ? '#6CC4CC' : '#1B6B73', subtle: dark ? '#6CC4CC' : '#1B6B73' },
  };
  return new AC.HostConfig({
    fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
    // The card's own headings sit under the preview's h3.
    textBlock: { headingLevel: 4 },
    containerStyles: {
      default: { backgroundColor: dark ? '#292929' : '#FFFFFF', foregroundColors },
      emphasis: { backgroundColor: dark ? '#1F1F1F' : '#F5F5F5', foregroundColors },
    },
  });
}

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownHtml(text);
  result.didProcess = true;
};

/** One card drawn by the SDK; a card it cannot draw says so instead of breaking the page. */
function drawn(card: object, theme: string, t: Strings): HTMLElement {
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = hostConfig(theme);
  // A preview: pressing a button must not look as if something happened.
  adaptive.onExecuteAction = () => undefined;
  adaptive.parse(card);
  return adaptive.render() ?? h('p', { role: 'alert' }, t.cards.notDrawn);
}

export function cardsPage(t: Strings, first: Locale, load: (locale: Locale) => Promise<CardsData>, theme: string): HTMLElement {
  const c = t.cards;
  let locale = first;
  let audience = 'all';
  const list = h('div', { id: 'card-previews', 'aria-live': 'polite' });
  const languages = h('div', { class: 'toolbar', role: 'group', 'aria-label': c.language });
  const filter = h('select', { id: 'card-audience', 'aria-label': c.audience }) as HTMLSelectElement;

  const render = async () => {
    languages.replaceChildren(
      ...(['nl', 'en'] as const).map((code) => {
        const button = h('fluent-button', { appearance: code === locale ? 'accent' : 'neutral', 'data-locale': code, 'aria-pressed': String(code === locale) }, c.languages[code]);
        button.addEventListener('click', () => {
          locale = code;
          void render();
        });
        return button;
      }),
    );
    list.replaceChildren(h('p', {}, t.loading));
    let data: CardsData;
    try {
      data = await load(locale);
    } catch {
      list.replaceChildren(h('p', { role: 'alert' }, t.loadFailed));
      return;
    }
    const audiences = [...new Set(data.cards.map((card) => card.audience))];
    filter.replaceChildren(
      h('option', { value: 'all' }, c.everyone),
      ...audiences.map((a) => h('option', { value: a }, c.audienceName(t.roles, a))),
    );
    filter.value = audiences.includes(audience) ? audience : 'all';
    const shown = data.cards.filter((card) => filter.value === 'all' || card.audience === filter.value);
    list.replaceChildren(
      h('p', { class: 'note' }, c.count(shown.length, data.cards.length)),
      ...shown.map((card) =>
        h(
          'section',
          { class: 'card-preview', 'data-card': card.id, 'aria-labelledby': `card-${card.id}` },
          h('h3', { id: `card-${card.id}` }, card.title),
          h('p', { class: 'note' }, c.forWhom(c.audienceName(t.roles, card.audience))),
          h('div', { class: 'ac-host', lang: data.locale }, drawn(card.card, theme, t)),
        ),
      ),
    );
  };
  filter.addEventListener('change', () => {
    audience = filter.value;
    void render();
  });

  void render();
  return h(
    'section',
    { 'aria-labelledby': 'cards-heading' },
    h('h2', { id: 'cards-heading' }, c.heading),
    h('p', {}, c.intro),
    h('div', { class: 'toolbar' }, languages, h('label', { for: 'card-audience' }, c.audience), filter),
    list,
  );
}
