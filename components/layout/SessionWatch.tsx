"use client";

import { Button, ButtonLink } from "@/components/ui/Button";
import { usePathname } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { SESSION_WARNING_S, timeLeftText, warningDelayMs } from "@/lib/auth/domain/session-expiry";
import { extendSessionAction } from "@/lib/auth/session-actions";
import { authClient } from "@/lib/auth/browser";
import { useCurrentUser } from "./CurrentUser";

/** What is left of the session, asked without touching the shared state (the header's user). */
async function askSecondsLeft(): Promise<{ sessionSecondsLeft: number } | null> {
  const response = await fetch("/api/moi", { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as { sessionSecondsLeft: number } | null;
}

/** A warning closed with « Fermer » keeps counting: the end of the session is still announced. */
type Phase = { kind: "quiet" } | { kind: "warning"; deadline: number; dismissed: boolean } | { kind: "expired" };

/**
 * Warns a few minutes before the session ends, with a button to extend it (RGAA 13.1), in a modal
 * alert dialog that takes the focus; says so once it has ended, with a way to log in again and
 * come back to this page (the forms kept a local copy of what was typed).
 */
export function SessionWatch() {
  const { me, refresh } = useCurrentUser();
  const pathname = usePathname();
  const [phase, setPhase] = useState<Phase>({ kind: "quiet" });
  const [now, setNow] = useState(() => Date.now());
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const extendRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  const left = me?.sessionSecondsLeft;
  // A fresh count at each navigation: a longer one (extended, maybe in another tab) or none (logged out) ends the warning.
  const [countSeen, setCountSeen] = useState(left);
  if (countSeen !== left) {
    setCountSeen(left);
    if (left === undefined || left > SESSION_WARNING_S) setPhase({ kind: "quiet" });
  }
  // « Se reconnecter » leads to another page: the ended session's dialog stays on the page it ended on
  // (left open, the modal dialog would make the login form inert until the new count arrives).
  const [pathSeen, setPathSeen] = useState(pathname);
  if (pathSeen !== pathname) {
    setPathSeen(pathname);
    if (phase.kind === "expired") setPhase({ kind: "quiet" });
  }
  // The timers are set from the count, in the browser's own time.
  useEffect(() => {
    if (left === undefined) return;
    const deadline = Date.now() + left * 1000;
    const show = () => setPhase({ kind: "warning", deadline, dismissed: false });
    const warnTimer = window.setTimeout(() => {
      // Another tab may have extended the session meanwhile: ask before warning.
      askSecondsLeft()
        .then((fresh) => {
          if (!fresh) setPhase({ kind: "expired" });
          else if (fresh.sessionSecondsLeft <= SESSION_WARNING_S) setPhase({ kind: "warning", deadline: Date.now() + fresh.sessionSecondsLeft * 1000, dismissed: false });
        })
        .catch(show);
    }, warningDelayMs(left));
    return () => window.clearTimeout(warnTimer);
  }, [left]);

  // While warned: the time left is counted down each second. At the count's end the server is
  // asked (its clock decides, and the count was rounded down): « expirée » only once it is.
  useEffect(() => {
    if (phase.kind !== "warning") return;
    let asking = false;
    const tick = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() < phase.deadline || asking) return;
      asking = true;
      askSecondsLeft()
        .then((fresh) => {
          if (!fresh) setPhase({ kind: "expired" });
          else setPhase({ ...phase, deadline: Date.now() + Math.max(1, fresh.sessionSecondsLeft) * 1000 });
        })
        .catch(() => setPhase({ kind: "expired" }));
    }, 1000);
    return () => window.clearInterval(tick);
  }, [phase]);

  const open = phase.kind === "expired" || (phase.kind === "warning" && !phase.dismissed);
  // Before the browser paints: a dialog that should be closed never holds the page inert.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!open) {
      if (dialog.open) dialog.close();
      return;
    }
    if (!dialog.open) dialog.showModal();
    if (phase.kind === "warning") extendRef.current?.focus();
  }, [open, phase.kind]);

  const dismiss = () => setPhase((current) => (current.kind === "warning" ? { ...current, dismissed: true } : current));

  const extend = async () => {
    setPending(true);
    setFailure(null);
    try {
      const result = await extendSessionAction({});
      if (!result.ok) {
        setFailure(result.message);
        setPhase({ kind: "expired" });
        return;
      }
      // The signed cookie carries its own end too: asking NextAuth for the session renews it.
      const { getSession } = await authClient();
      await getSession();
      const until = new Date(Date.now() + result.value.secondsLeft * 1000).toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
      setPhase({ kind: "quiet" });
      setNotice(`Votre session est prolongée jusqu'à ${until}.`);
      await refresh();
    } catch {
      setFailure("Le service ne répond pas : votre session n'a pas pu être prolongée. Ce que vous avez saisi est conservé sur cet appareil.");
    } finally {
      setPending(false);
    }
  };

  const loginHref = `/connexion?callbackUrl=${encodeURIComponent(pathname)}`;
  const remaining = phase.kind === "warning" ? Math.max(0, Math.floor((phase.deadline - now) / 1000)) : 0;

  return (
    <>
      <p role="status" className="sr-only">
        {notice}
      </p>
      <dialog
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        data-testid="session-warning"
        onCancel={(event) => {
          // Escape closes the warning only: the session keeps its end.
          if (phase.kind === "expired") event.preventDefault();
          else dismiss();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded border border-slate-300 bg-white p-6 text-ink shadow-lg backdrop:bg-black/40"
      >
        {phase.kind === "expired" ? (
          <>
            <h2 id={titleId} className="text-lg font-bold">
              Votre session a expiré
            </h2>
            <div id={textId} className="mt-2 space-y-2">
              {failure ? <p>{failure}</p> : null}
              <p>Reconnectez-vous pour continuer : vous reviendrez sur cette page, et ce que vous aviez saisi dans un formulaire y sera encore.</p>
            </div>
            <p className="mt-4">
              <ButtonLink href={loginHref} className="hover:text-white">
                Se reconnecter
              </ButtonLink>
            </p>
          </>
        ) : (
          <>
            <h2 id={titleId} className="text-lg font-bold">
              Votre session expire bientôt
            </h2>
            <div id={textId} className="mt-2 space-y-2">
              <p>
                Par sécurité, votre session se termine dans <strong>{timeLeftText(remaining)}</strong>. Prolongez-la pour continuer sans vous reconnecter.
              </p>
              {failure ? <p className="font-medium text-red-800">{failure}</p> : null}
            </div>
            <div className="mt-4 flex flex-wrap gap-3">
              <Button ref={extendRef} type="button" onClick={extend} disabled={pending}>
                {pending ? "Prolongation…" : "Prolonger ma session"}
              </Button>
              <Button type="button" variant="secondary" onClick={dismiss}>
                Fermer
              </Button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
