import { requestEvents } from "@/lib/shared/events";
import { log } from "@/lib/shared/log";


/**
 * Tells open pages that requests changed, after the transaction committed. Never fails the action
 * that caused it: a lost notification only delays the page, whose polling fallback catches up.
 */
export async function announceChanges(changes: readonly { requestId: string; version: number; state: string }[], at: Date = new Date()): Promise<void> {
  for (const change of changes) {
    try {
      await requestEvents().publish({ requestId: change.requestId, version: change.version, state: change.state, at: at.toISOString() });
    } catch (error) {
      log.error({ event: "request_events.change_not_announced", requestId: change.requestId, err: error });
    }
  }
}

/** Tells open pages that a message was posted on a request (its version does not change). */
export async function announceMessage(request: { requestId: string; version: number; state: string }, at: Date = new Date()): Promise<void> {
  try {
    await requestEvents().publish({ ...request, at: at.toISOString(), message: true });
  } catch (error) {
    log.error({ event: "request_events.message_not_announced", requestId: request.requestId, err: error });
  }
}
