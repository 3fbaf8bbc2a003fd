import { getCurrentUser } from "@/lib/auth/session";
import { requestEvents, type RequestChange } from "@/lib/shared/events";
import { findVisibleRequestVersion } from "@/lib/requests/visibility";
import { requestLogger } from "@/lib/shared/log";
import { admitStream, sessionStillValid, streamSettings } from "@/lib/requests/live-streams";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
// The browser reconnects on its own (after `retry`), which checks visibility again; the session is
// also checked while the stream is open (every STREAM_SESSION_CHECK_MS, lib/requests/live-streams.ts).
const STREAM_LIFETIME_MS = 10 * 60_000;
// Private: an answer of one signed-in user, never to be kept by a shared cache.
const NO_STORE = { "Cache-Control": "private, no-store" };

const encoder = new TextEncoder();

type Snapshot = { version: number; state: string };

function changeEvent({ version, state, message }: Snapshot & { message?: true }): Uint8Array {
  // A new message leaves the version unchanged: its own event makes the page read it.
  if (message) return encoder.encode(`event: posted\ndata: ${JSON.stringify({ version })}\n\n`);
  return encoder.encode(`event: change\ndata: ${JSON.stringify({ version, state })}\n\n`);
}

/**
 * Server-sent events of one request: its current version first, then each change. The page
 * refreshes itself when it sees a version newer than the one it shows.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401, headers: NO_STORE });
  const { id } = await params;
  const settings = streamSettings();
  // At most STREAM_MAX_PER_USER streams per user: one more is refused, the page polls instead.
  const slot = admitStream(user.id, settings.maxPerUser);
  if (!slot) return new Response("Trop de pages ouvertes en suivi direct.", { status: 429, headers: { ...NO_STORE, "Retry-After": "60", "Content-Type": "text/plain; charset=utf-8" } });

  // Listen before reading the current version: a change committed in between is not lost.
  const early: RequestChange[] = [];
  let deliver: (change: RequestChange) => void = (change) => early.push(change);
  // A resync asked for before the stream starts is carried out once it has started.
  let resyncPending = false;
  let resync: () => void = () => (resyncPending = true);
  const unsubscribe = requestEvents().subscribe(id, (change) => deliver(change), { onResync: () => resync() });

  let current: Snapshot | null;
  try {
    current = await findVisibleRequestVersion(user, id);
  } catch (error) {
    unsubscribe();
    slot.release();
    throw error;
  }
  // Missing and not visible look the same, so that request ids cannot be probed.
  if (!current) {
    unsubscribe();
    slot.release();
    return new Response(null, { status: 404, headers: NO_STORE });
  }
  const first = current;
  const logger = await requestLogger({ requestId: id });

  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (chunk: Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(chunk);
        } catch {
          stop();
        }
      };
      const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), HEARTBEAT_MS);
      const lifetime = setTimeout(() => stop(), STREAM_LIFETIME_MS);
      // The session may end while the stream is open (logout elsewhere, new password, account
      // deactivated): checked again regularly, the stream ends with it. A failed check (database
      // unreachable) keeps the stream; the next check decides.
      let checking = false;
      const sessionCheck = setInterval(() => {
        if (checking || !open) return;
        checking = true;
        sessionStillValid(user.sessionId)
          .then((valid) => {
            if (valid) return;
            send(encoder.encode("event: ended\ndata: {}\n\n"));
            stop();
          })
          .catch((error: unknown) => logger.warn({ event: "request_stream.session_check_failed", err: error }, "request stream: could not check the session"))
          .finally(() => (checking = false));
      }, settings.sessionCheckMs);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearInterval(sessionCheck);
        clearTimeout(lifetime);
        unsubscribe();
        slot.release();
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already closed or cancelled by the client: nothing left to release.
        }
      };
      request.signal.addEventListener("abort", stop);

      send(encoder.encode("retry: 3000\n\n"));
      send(changeEvent(first));
      for (const change of early) if (change.version > first.version) send(changeEvent(change));
      deliver = (change) => send(changeEvent(change));
      resync = () => {
        findVisibleRequestVersion(user, id).then(
          (snapshot) => (snapshot ? send(changeEvent(snapshot)) : stop()),
          (error: unknown) => logger.error({ event: "request_stream.resync_failed", err: error }, "request stream: could not read the request again"),
        );
      };
      if (resyncPending) resync();
      if (request.signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "private, no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
