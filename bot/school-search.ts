import type { InvokeResponse, TurnContext } from 'botbuilder';
import { parseSearchQuery, type SearchQuery } from '../cards';
import { isDomainError } from '../src/domain/errors';
import { destinationOptions } from './destination-options';
import { describeError } from './logger';
import type { BotServices } from './services';
import { correlationIdOf, localeOf, memberIdOf } from './turn-info';

/** The invoke Teams sends while someone types in a School choice with `choices.data`. */
export const SEARCH_INVOKE = 'application/search';

const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';

interface SearchResult {
  title: string;
  value: string;
}

/** Case, accents and punctuation do not matter: "sint maartens" finds "Sint-Maartenscollege". */
function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function searchResponse(results: SearchResult[]): InvokeResponse {
  return { status: 200, body: { type: SEARCH_RESPONSE, value: { results } } };
}

/**
 * The choices this member may pick for the dataset: on the route card the schools leerplicht may
 * forward the signal to (officers of its municipality only), on the signal form the worker's own
 * destinations. What is submitted is checked again by the use case, whatever the search said.
 */
async function choicesFor(context: TurnContext, services: BotServices, query: SearchQuery): Promise<SearchResult[]> {
  const actorId = memberIdOf(context);
  if (!actorId) return [];
  if (query.dataset.kind === 'route.schools') {
    const schools = await services.routeSignal.forwardableSchoolsFor(actorId, query.dataset.signalId);
    return schools.map((s) => ({ title: s.name, value: s.id }));
  }
  const destinations = await services.issueSignal.destinationsFor(actorId);
  return destinationOptions(destinations, localeOf(context, services.locale)).map((d) => ({ title: d.title, value: d.value }));
}

/**
 * Answers Teams' typeahead from the directory: the matching choices, a page at a time. A refusal
 * (no role, another municipality, an unknown signal) finds nothing rather than an error card: the
 * choice list has no place to show one.
 */
export async function answerSchoolSearch(context: TurnContext, services: BotServices): Promise<InvokeResponse> {
  const query = parseSearchQuery(context.activity.value);
  if (!query) return { status: 400 };
  try {
    const wanted = searchable(query.text);
    const matching = (await choicesFor(context, services, query)).filter((c) => searchable(c.title).includes(wanted));
    return searchResponse(matching.slice(query.skip, query.skip + query.top));
  } catch (error) {
    if (isDomainError(error)) {
      services.logger.info({ code: error.code, dataset: query.dataset.kind }, 'search refused');
      return searchResponse([]);
    }
    services.logger.error({ correlationId: correlationIdOf(context), ...describeError(error) }, 'search failed');
    return searchResponse([]);
  }
}
