import { getCurrentUser } from "@/lib/auth/session";
import { requestEvents, type RequestChange } from "@/lib/shared/events";
import { findVisibleRequestVersion } from "@/lib/requests/visibility";
import { requestLogger } from "@/lib/shared/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
// The browser reconnects on its own (after `retry`), which checks the session and visibility
// again: a stream never outlives an ended session or a request that is no longer visible for long.
const STREAM_LIFETIME_MS = 10 * 60_000;

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
  if (!user) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;

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
    throw error;
  }
  // Missing and not visible look the same, so that request ids cannot be probed.
  if (!current) {
    unsubscribe();
    return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
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
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
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
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
