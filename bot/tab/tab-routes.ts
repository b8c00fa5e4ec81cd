/**
 * The tab's HTTP API under /api/tab/: JSON in and out, queries checked with zod, 64 KB at most,
 * no CORS (the page is served from this same origin). 401 without a valid SSO token, 403 with
 * one but without the right, 400 for a bad query; an error answers with a code, never its text.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { answerJson } from './json-answer';
import { isDomainError } from '../../src/domain/errors';
import { isWeekOver, parseIsoWeek, type IsoWeek } from '../../src/domain/digest/iso-week';
import type { LinkMember } from '../../src/app/link-member';
import type { ReadDigest } from '../../src/app/read-digest';
import type { DirectoryEdit, EditDirectory } from '../../src/app/edit-directory';
import type { ImportDirectoryCsv, ImportPreview } from '../../src/app/import-directory-csv';
import { ErrorCodes } from '../../src/domain/errors';
import { directoryWarnings } from './directory-warnings';
import type { Clock, DirectoryStore, Logger } from '../../src/ports';
import { describeError } from '../logger';
import { callerOf, pagesOf, requirePage, roleNamesOf, TabForbidden, TabUnauthorized, type TabCaller } from './tab-access';
import { figuresView, type CardsView, type DirectoryView, type MeView } from './tab-views';
import { cardCatalog } from '../../cards/card-catalog';
import type { TabTokenVerifier } from './sso-token';

export interface TabApiDeps {
  /** Absent when HWC_TAB_CLIENT_ID is not set: every call answers 401. */
  verify?: TabTokenVerifier;
  directory: DirectoryStore;
  readDigest: ReadDigest;
  clock: Clock;
  logger: Logger;
  digestMinCount: number;
  /** HWC_DIRECTORY_FILE is set: the file is the truth and the tab only shows it. */
  directoryReadOnly: boolean;
  editDirectory: EditDirectory;
  importDirectoryCsv: ImportDirectoryCsv;
  /** Links a caller an admin added by address, the first time they open the tab. */
  linkMember: LinkMember;
}

export const TAB_MAX_BODY_BYTES = 64 * 1024;
/** Warnings sent with the directory, at most (the calendar's first: it comes first). */
const MAX_WARNINGS = 50;
/** Where a directory CSV is sent: the server reads larger bodies there (bot/server.ts). */
export const TAB_IMPORT_PATH_PREFIX = '/api/tab/directory/import/';
/**
 * A directory CSV may be larger: a region's people, 20,000 rows take about 2 MB. Read only once
 * the token is found valid (bot/tab/import-gate.ts), and kept to what a region needs.
 */
export const TAB_IMPORT_MAX_BODY_BYTES = 4 * 1024 * 1024;
const IMPORT_MAX_BODY_BYTES = TAB_IMPORT_MAX_BODY_BYTES;
const importBody = z.strictObject({ kind: z.enum(['schools', 'members']), csv: z.string().min(1).max(IMPORT_MAX_BODY_BYTES), version: z.string().max(100).optional() });

/** An import that was not applied: its preview goes back with the reason. */
class TabImportRefused extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly body: { error: string; preview: ImportPreview },
  ) {
    super('directory import not applied');
    this.name = 'TabImportRefused';
  }
}

const noQuery = z.object({}).strict();
const figuresQuery = z.object({ week: z.string().max(10).optional() }).strict();
const cardsQuery = z.object({ locale: z.enum(['nl', 'en']) }).strict();
/** The directory's lists in a path, and the kind of entry each holds. */
const KINDS = { municipalities: 'municipality', schools: 'school', members: 'member' } as const;
const kindParam = z.enum(['municipalities', 'schools', 'members']);
// An object id, a BRIN or CBS code, or a placeholder key: `upn:` and an address of up to 254 characters.
const entryId = z.string().min(1).max(260);

/** An edit the directory refused: 422 with each problem, as the page shows them at their fields. */
class TabInvalidEdit extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super('directory edit refused');
    this.name = 'TabInvalidEdit';
  }
}

class TabBadRequest extends Error {
  constructor() {
    super('bad tab request');
    this.name = 'TabBadRequest';
  }
}

function queryOf<T>(req: Request, schema: z.ZodType<T>): T {
  const params = Object.fromEntries(new URL(req.url ?? '/', 'http://tab').searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new TabBadRequest();
  return parsed.data;
}

type Handler = (caller: TabCaller, req: Request) => Promise<unknown>;

export function registerTabApi(server: Server, deps: TabApiDeps): void {
  const route = (path: string, handler: Handler, method: 'get' | 'post' | 'del' = 'get', maxBody = TAB_MAX_BODY_BYTES) =>
    server[method](path, async (req: Request, res: Response) => {
      res.header('Cache-Control', 'no-store');
      res.header('X-Content-Type-Options', 'nosniff');
      if (Number(req.headers['content-length'] ?? 0) > maxBody) {
        res.send(413, { error: 'too_large' });
        return;
      }
      try {
        const caller = await callerOf(req, deps.verify, deps.directory, deps.linkMember);
        answerJson(req, res, 200, await handler(caller, req));
      } catch (error) {
        if (error instanceof TabUnauthorized) {
          deps.logger.info({ reason: error.reason, path }, 'tab request without a valid token');
          res.send(401, { error: 'unauthorized' });
        } else if (error instanceof TabForbidden || (isDomainError(error) && error.code.startsWith('ACCESS'))) {
          res.send(403, { error: 'forbidden' });
        } else if (error instanceof TabBadRequest) {
          res.send(400, { error: 'bad_request' });
        } else if (error instanceof TabImportRefused) {
          res.send(error.status, error.body);
        } else if (error instanceof TabInvalidEdit) {
          res.send(422, { error: 'invalid', problems: error.problems });
        } else if (isDomainError(error, ErrorCodes.directoryReadOnly)) {
          res.send(409, { error: 'directory_read_only' });
        } else {
          deps.logger.error({ ...describeError(error), path }, 'tab request failed');
          res.send(500, { error: 'internal_error' });
        }
      }
    });

  route('/api/tab/me', async (caller, req): Promise<MeView> => {
    queryOf(req, noQuery);
    return { ...(caller.member ? { name: caller.member.name } : {}), roles: roleNamesOf(caller.member), pages: pagesOf(caller.member) };
  });

  route('/api/tab/directory', async (caller, req): Promise<DirectoryView> => {
    queryOf(req, noQuery);
    requirePage(caller, 'directory');
    const [municipalities, schools, members] = await Promise.all([
      deps.directory.listMunicipalities(),
      deps.directory.listAllSchools(),
      deps.directory.listMembers(),
    ]);
    // "Reachable": the bot holds a personal conversation with them (not marked gone), so a card can reach them.
    const reachableIds = new Set(await deps.directory.listReachableMemberIds());
    // A region starting out may have thousands of warnings: the page shows the first ones and the count.
    const warnings = directoryWarnings({ municipalities, schools, members }, reachableIds, deps.clock.now());
    return {
      readOnly: deps.directoryReadOnly,
      warnings: warnings.slice(0, MAX_WARNINGS),
      warningCount: warnings.length,
      municipalities,
      schools,
      members: members.map((m) => ({ id: m.aadObjectId, name: m.name, ...(m.email ? { email: m.email } : {}), roles: m.roles, reachable: reachableIds.has(m.aadObjectId) })),
    };
  });

  // An admin's edit, when the store is the directory's truth: the entry as JSON, checked by the
  // file import's rules; 422 names every problem, 409 while HWC_DIRECTORY_FILE is the truth.
  const edit = async (caller: TabCaller, change: DirectoryEdit) => {
    // EditDirectory checks the admin role itself, and audits a refusal.
    const result = await deps.editDirectory.execute(caller.user.oid, change, { origin: 'tab' });
    if (!result.ok) throw new TabInvalidEdit(result.problems);
    return result;
  };
  // A CSV of schools or members: first a preview of the change, then the same file applied in one
  // step, refused when the directory changed since the preview (its version) or a line is wrong.
  const importOf = (req: Request) => {
    const body = importBody.safeParse(req.body);
    if (!body.success) throw new TabBadRequest();
    return body.data;
  };
  route(`${TAB_IMPORT_PATH_PREFIX}preview`, async (caller, req) => {
    const { kind, csv } = importOf(req);
    return deps.importDirectoryCsv.preview(caller.user.oid, kind, csv);
  }, 'post', IMPORT_MAX_BODY_BYTES);
  route(`${TAB_IMPORT_PATH_PREFIX}apply`, async (caller, req) => {
    const { kind, csv, version } = importOf(req);
    if (!version) throw new TabBadRequest();
    const result = await deps.importDirectoryCsv.apply(caller.user.oid, kind, csv, version, { origin: 'tab:import' });
    if (!result.applied) throw new TabImportRefused(result.reason === 'changed' ? 409 : 422, { error: result.reason === 'changed' ? 'directory_changed' : 'invalid', preview: result.preview });
    return result;
  }, 'post', IMPORT_MAX_BODY_BYTES);
  route(
    '/api/tab/directory/:list',
    async (caller, req) => {
      const list = kindParam.safeParse(req.params?.list);
      if (!list.success || typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw new TabBadRequest();
      return edit(caller, { kind: KINDS[list.data], op: 'put', entry: req.body });
    },
    'post',
  );
  route(
    '/api/tab/directory/:list/:id',
    async (caller, req) => {
      const list = kindParam.safeParse(req.params?.list);
      const id = entryId.safeParse(req.params?.id);
      if (!list.success || !id.success) throw new TabBadRequest();
      return edit(caller, { kind: KINDS[list.data], op: 'remove', id: id.data });
    },
    'del',
  );

  // Every card the bot sends, drawn by its own builders from sample data, in the language asked.
  route('/api/tab/cards', async (caller, req): Promise<CardsView> => {
    const { locale } = queryOf(req, cardsQuery);
    requirePage(caller, 'cards');
    return { locale, cards: cardCatalog(locale) };
  });

  route('/api/tab/figures', async (caller, req) => {
    const { week: weekText } = queryOf(req, figuresQuery);
    const member = requirePage(caller, 'figures');
    const week = weekText === undefined ? deps.readDigest.lastWeek() : finishedWeek(weekText, deps.clock);
    const { digest, scope } = await deps.readDigest.execute(member.aadObjectId, week, { origin: 'tab' });
    return figuresView(digest, scope, deps.digestMinCount);
  });
}

/** A week that has ended: the figures of a running week would change while read. */
function finishedWeek(text: string, clock: Clock): IsoWeek {
  const week = parseIsoWeek(text);
  if (!week || !isWeekOver(week, clock.now())) throw new TabBadRequest();
  return week;
}
