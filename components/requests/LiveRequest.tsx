"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { asRequestState, liveAnnouncement, type LiveChange } from "@/lib/requests/domain/live-announcement";
import type { RequestState } from "@/lib/requests/domain/states";

const POLL_INTERVAL_MS = 3_000;
const ERRORS_BEFORE_POLLING = 3;

/**
 * Keeps an open request page up to date: when the request reaches a version newer than the one
 * rendered, the server components are rendered again (router.refresh). Listens to the request's
 * event stream; polls instead when the browser has no EventSource or the stream keeps failing
 * (a proxy that buffers or cuts long responses). Screen readers hear what changed: the new state,
 * or a new message (lib/requests/domain/live-announcement.ts).
 */
export function LiveRequest({ requestId, version, state, subject }: { requestId: string; version: number; state: RequestState; subject: string }) {
  const router = useRouter();
  const [announcement, setAnnouncement] = useState<{ count: number; text: string } | null>(null);
  // The highest version rendered or already asked for: one refresh per new version.
  const known = useRef(version);
  // The state the page shows (or will show once refreshed): what a change is compared with.
  const shown = useRef(state);
  useEffect(() => {
    known.current = Math.max(known.current, version);
  }, [version]);
  useEffect(() => {
    shown.current = state;
  }, [state]);
  const describe = useRef(subject);
  useEffect(() => {
    describe.current = subject;
  }, [subject]);

  useEffect(() => {
    const base = `/api/demandes/${encodeURIComponent(requestId)}`;
    const aborter = new AbortController();
    let source: EventSource | null = null;
    let poller: ReturnType<typeof setInterval> | undefined;

    const announce = (change: LiveChange) => {
      const text = liveAnnouncement(describe.current, shown.current, change);
      if (change.kind === "state") shown.current = change.state;
      setAnnouncement((current) => ({ count: (current?.count ?? 0) + 1, text }));
    };

    const onVersion = (seen: number, state: unknown) => {
      if (seen <= known.current) return;
      known.current = seen;
      router.refresh();
      announce({ kind: "state", state: asRequestState(state) ?? shown.current });
    };

    const poll = async () => {
      try {
        const response = await fetch(`${base}/etat`, { cache: "no-store", signal: aborter.signal });
        // Logged out or no longer visible: nothing more to follow from this page.
        if (response.status === 401 || response.status === 404) return stopPolling();
        if (!response.ok) return;
        const body: unknown = await response.json();
        if (body && typeof (body as { version?: unknown }).version === "number") onVersion((body as { version: number }).version, (body as { state?: unknown }).state);
      } catch {
        // Offline or aborted: the next tick tries again.
      }
    };
    const followVisibility = () => {
      clearInterval(poller);
      poller = undefined;
      if (document.visibilityState === "hidden") return;
      void poll();
      poller = setInterval(() => void poll(), POLL_INTERVAL_MS);
    };
    const stopPolling = () => {
      clearInterval(poller);
      document.removeEventListener("visibilitychange", followVisibility);
    };
    const startPolling = () => {
      source?.close();
      source = null;
      document.addEventListener("visibilitychange", followVisibility);
      followVisibility();
    };

    if (typeof window.EventSource === "undefined") {
      startPolling();
    } else {
      let errors = 0;
      source = new EventSource(`${base}/flux`);
      source.onopen = () => {
        errors = 0;
      };
      source.addEventListener("change", (event) => {
        const { version: seen, state } = JSON.parse((event as MessageEvent<string>).data) as { version: number; state?: unknown };
        onVersion(seen, state);
      });
      // A new message: same version, new content to show.
      source.addEventListener("posted", () => {
        router.refresh();
        announce({ kind: "message" });
      });
      // The session ended (logout elsewhere, new password): the stream closes for good, neither
      // reconnected nor replaced by polling, which would be refused too; the session watch says so.
      source.addEventListener("ended", () => {
        source?.close();
      });
      source.onerror = () => {
        errors += 1;
        // CLOSED: the browser gave up (refused answer), it will not reconnect by itself.
        if (source?.readyState === EventSource.CLOSED || errors >= ERRORS_BEFORE_POLLING) startPolling();
      };
    }

    return () => {
      source?.close();
      stopPolling();
      aborter.abort();
    };
  }, [requestId, router]);

  return (
    <div aria-live="polite" className="sr-only">
      {announcement ? <p key={announcement.count}>{announcement.text}</p> : null}
    </div>
  );
}
