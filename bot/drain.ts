import type { Request, Response, Next } from 'restify';

/** Seconds a caller is asked to wait (Retry-After) while this process stops: another instance answers by then. */
export const DRAIN_RETRY_AFTER_S = 5;

/**
 * The server's part of a graceful stop: from `start()` on, every new request but the liveness
 * probe gets 503 with Retry-After (Teams retries an activity, the platform's load balancer stops
 * sending here as /readyz fails), and `idle()` tells when the requests already taken have been
 * answered.
 */
export class Drain {
  private draining = false;
  private inFlight = 0;
  private readonly waiting = new Set<() => void>();

  get isDraining(): boolean {
    return this.draining;
  }

  start(): void {
    this.draining = true;
    this.settle();
  }

  /** restify `pre` handler: counts the requests it lets through, refuses new ones while draining. */
  readonly handler = (req: Request, res: Response, next: Next): void => {
    if (this.draining && req.getPath() !== '/healthz') {
      res.header('Retry-After', String(DRAIN_RETRY_AFTER_S));
      res.header('Connection', 'close');
      res.send(503, req.getPath() === '/readyz' ? { status: 'draining' } : { error: 'unavailable' });
      return next(false);
    }
    this.inFlight++;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.inFlight--;
      this.settle();
    };
    res.once('finish', finished);
    res.once('close', finished);
    return next();
  };

  /** Resolves when no request taken before `start()` is still being answered. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.add(resolve));
  }

  private settle(): void {
    if (this.inFlight > 0) return;
    for (const resolve of this.waiting) resolve();
    this.waiting.clear();
  }
}
