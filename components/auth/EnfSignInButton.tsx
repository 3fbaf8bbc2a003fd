"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/** IDENTITY_PROVIDER=oidc: leaves for the ENF's login page, then comes back to callbackPath. */
export function EnfSignInButton({ providerId, callbackPath }: { providerId: string; callbackPath: string }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <Button
      type="button"
      className="w-full"
      disabled={leaving}
      onClick={() => {
        setLeaving(true);
        void signIn(providerId, { callbackUrl: callbackPath });
      }}
    >
      {leaving ? "Redirection vers l'ENF…" : "Se connecter avec mon compte ENF"}
    </Button>
  );
}
