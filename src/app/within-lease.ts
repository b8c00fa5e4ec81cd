import { MessengerError } from '../ports';

/**
 * A Teams call given up on after `timeoutMs`, well inside the lease that protects the work, so
 * no other instance takes the work over while the call may still be on its way. A call given up
 * on may still land later: that is the one way work can happen twice.
 */
export async function withinLease<T>(call: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessengerError('timeout', true)), timeoutMs);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
