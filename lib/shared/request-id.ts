/**
 * Every request carries an id, in the logs of each line it causes and in the response, so that a
 * user's report ("it failed at 10:42", with the id from the browser's network panel) or a load
 * balancer's log leads to the server's lines. An id set by the load balancer in front is kept when
 * it looks like one (it then matches its own logs); anything else is replaced, so that a caller
 * cannot write arbitrary text into the logs.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const ACCEPTED = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && ACCEPTED.test(given) ? given : crypto.randomUUID();
}
