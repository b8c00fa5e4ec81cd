/**
 * Lets the cards a button press set off go onto the network before the press is answered.
 *
 * Issuing or forwarding a signal starts its cards at once, in the same turn of the event loop as
 * the answer to the person who pressed. The cards are the point — a school that knows tomorrow
 * morning — and the answer only confirms; both are sent within a fraction of a millisecond, but
 * whichever is written first goes first. Writing the answer (restify's formatting, the socket
 * write) took about a tenth of a millisecond ahead of the cards.
 *
 * Two turns, because the Bot Connector client (undici) holds a request on a kept-alive connection
 * for one turn to see whether the other side closed it, and this wait may have been scheduled
 * before that check. A card still waiting for anything slower (a new connection, a Cosmos
 * round trip, quiet time) does not hold the answer back: this is an order, not a wait.
 */
export function afterDeliveriesStarted(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
