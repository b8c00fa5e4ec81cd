/**
 * Waiting for our own rate limiter sent nothing, nor did a call a stopping process gave back
 * (`handed_back`), nor a card held back to be drawn again without the child (`redraw_due`): none
 * is one of a message's attempts, for a card or a weekly digest alike.
 */
export function countsAsAttempt(error: string): boolean {
  return error !== 'rate_limit_wait' && error !== 'handed_back' && error !== 'redraw_due';
}
