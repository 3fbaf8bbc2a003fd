"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { clearAllDrafts } from "@/components/ui/use-draft-storage";

export function LogoutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // The local copies of the forms stay on this device only while the user is logged in.
        clearAllDrafts();
        await signOut({ redirect: false });
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full page load drops the client router cache of the signed-in pages
        window.location.assign("/connexion?deconnecte=1");
      }}
      className="rounded border border-slate-400 px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
    >
      Se déconnecter
    </button>
  );
}
