import restify, { type Next, type Request, type RequestHandler, type Response } from 'restify';

/** A path prefix whose requests may carry a larger body than the rest. */
export interface LargerBodies {
  prefix: string;
  maxBodySize: number;
}

/**
 * JSON bodies, read up to a limit by path: `maxBodySize` for every request, a larger one under
 * each prefix in `larger` (a directory CSV of a whole region). Whatever the limit, a body over
 * it is refused (413) while it is read, before anything looks at it.
 */
export function jsonBodies(maxBodySize: number, larger: readonly LargerBodies[] = []): RequestHandler {
  // (restify hands `maxBodySize` on to its body reader; its typings omit it.)
  const parserOf = (limit: number) => restify.plugins.jsonBodyParser({ maxBodySize: limit, mapParams: false } as restify.plugins.JsonBodyParserOptions) as unknown as RequestHandler[];
  const standard = parserOf(maxBodySize);
  const byPrefix = larger.map(({ prefix, maxBodySize: limit }) => ({ prefix, handlers: parserOf(limit) }));
  return (req: Request, res: Response, next: Next) => {
    const path = req.getPath();
    runInTurn(byPrefix.find(({ prefix }) => path.startsWith(prefix))?.handlers ?? standard, req, res, next);
  };
}

/** Runs restify handlers one after another, as a chain would: an error or `false` ends it. */
function runInTurn(handlers: readonly RequestHandler[], req: Request, res: Response, next: Next): void {
  let index = 0;
  const step = (outcome?: unknown): void => {
    if (outcome !== undefined && outcome !== null) {
      next(outcome as Error | false);
      return;
    }
    const handler = handlers[index++];
    if (!handler) {
      next();
      return;
    }
    void handler(req, res, step as Next);
  };
  step();
}
