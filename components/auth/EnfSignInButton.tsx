"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { authClient } from "@/lib/auth/browser";
import { UNAVAILABLE_MESSAGE } from "@/lib/shared/result";

/** IDENTITY_PROVIDER=oidc: leaves for the ENF's login page, then comes back to callbackPath. */
export function EnfSignInButton({ providerId, callbackPath }: { providerId: string; callbackPath: string }) {
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? <Alert tone="error">{UNAVAILABLE_MESSAGE}</Alert> : null}
      <Button
        type="button"
        className="w-full"
        disabled={leaving}
        onPointerEnter={authClient.preload}
        onFocus={authClient.preload}
        onClick={async () => {
          setLeaving(true);
          setFailed(false);
          try {
            const { signIn } = await authClient();
            await signIn(providerId, { callbackUrl: callbackPath });
          } catch {
            setLeaving(false);
            setFailed(true);
          }
        }}
      >
        {leaving ? "Redirection vers l'ENF…" : "Se connecter avec mon compte ENF"}
      </Button>
    </>
  );
}
