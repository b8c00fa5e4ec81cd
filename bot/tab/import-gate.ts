import type { Next, Request, Response } from 'restify';
import type { Logger } from '../../src/ports';
import { describeError } from '../logger';
import { TabUnauthorized, userOf } from './tab-access';
import type { TabTokenVerifier } from './sso-token';

/**
 * Before a body is read: a request to the import routes, whose bodies may be megabytes, must
 * carry a valid SSO token, or it is answered 401 unread. Anyone could otherwise make the server
 * read 4 MB per request without signing in. The route checks the token again, with the caller's
 * rights; this only decides whether the large body is worth reading.
 */
export function importGate(prefix: string, verify: TabTokenVerifier | undefined, logger: Logger) {
  // (A callback handler: restify takes an async one only without `next`.)
  return (req: Request, res: Response, next: Next): void => {
    if (!req.getPath().startsWith(prefix)) {
      next();
      return;
    }
    userOf(req, verify)
      .then(
        () => next(),
        (error: unknown) => {
          // Anything but a refused token is the route's to answer, as it answers it for every request.
          if (!(error instanceof TabUnauthorized)) return next();
          logger.info({ reason: error.reason, path: prefix }, 'tab request without a valid token');
          // And the connection closes with the answer: Node would otherwise read the unread body
          // to its end, however long, to keep the connection for a next request.
          res.header('Connection', 'close');
          res.send(401, { error: 'unauthorized' });
          next(false);
        },
      )
      .catch((error: unknown) => logger.error(describeError(error), 'tab import gate failed'));
  };
}
