"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

const POLL_INTERVAL_MS = 3_000;
const ERRORS_BEFORE_POLLING = 3;

/**
 * Keeps an open request page up to date: when the request reaches a version newer than the one
 * rendered, the server components are rendered again (router.refresh). Listens to the request's
 * event stream; polls instead when the browser has no EventSource or the stream keeps failing
 * (a proxy that buffers or cuts long responses).
 */
export function LiveRequest({ requestId, version }: { requestId: string; version: number }) {
  const router = useRouter();
  const [updates, setUpdates] = useState(0);
  // The highest version rendered or already asked for: one refresh per new version.
  const known = useRef(version);
  useEffect(() => {
    known.current = Math.max(known.current, version);
  }, [version]);

  useEffect(() => {
    const base = `/api/demandes/${encodeURIComponent(requestId)}`;
    const aborter = new AbortController();
    let source: EventSource | null = null;
    let poller: ReturnType<typeof setInterval> | undefined;

    const onVersion = (seen: number) => {
      if (seen <= known.current) return;
      known.current = seen;
      router.refresh();
      setUpdates((count) => count + 1);
    };

    const poll = async () => {
      try {
        const response = await fetch(`${base}/etat`, { cache: "no-store", signal: aborter.signal });
        // Logged out or no longer visible: nothing more to follow from this page.
        if (response.status === 401 || response.status === 404) return stopPolling();
        if (!response.ok) return;
        const body: unknown = await response.json();
        if (body && typeof (body as { version?: unknown }).version === "number") onVersion((body as { version: number }).version);
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
        const { version: seen } = JSON.parse((event as MessageEvent<string>).data) as { version: number };
        onVersion(seen);
      });
      // A new message: same version, new content to show.
      source.addEventListener("posted", () => {
        router.refresh();
        setUpdates((count) => count + 1);
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
      {updates > 0 ? <p key={updates}>Le dossier a été mis à jour.</p> : null}
    </div>
  );
}
