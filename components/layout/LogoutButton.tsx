"use client";

import { useState } from "react";
import { clearAllDrafts } from "@/components/ui/use-draft-storage";
import { authClient } from "@/lib/auth/browser";

export function LogoutButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onPointerEnter={authClient.preload}
        onFocus={authClient.preload}
        onClick={async () => {
          setPending(true);
          setFailed(false);
          try {
            const { signOut } = await authClient();
            await signOut({ redirect: false });
          } catch {
            // Not signed out: say so, and keep the drafts (the session is still open).
            setPending(false);
            setFailed(true);
            return;
          }
          // The local copies of the forms stay on this device only while the user is logged in.
          clearAllDrafts();
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full page load drops the client router cache of the signed-in pages
          window.location.assign("/connexion?deconnecte=1");
        }}
        className="rounded border border-slate-400 px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
      >
        Se déconnecter
      </button>
      <span role="status" className={failed ? "text-sm text-red-800" : "sr-only"}>
        {failed ? "La déconnexion n'a pas abouti (service injoignable). Réessayez." : ""}
      </span>
    </>
  );
}
