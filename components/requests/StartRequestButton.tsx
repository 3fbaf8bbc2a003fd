"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { startRequestFormAction } from "@/lib/requests/actions";

/** Opens a draft of the given kind for the diploma; works without JavaScript too (plain form post). */
export function StartRequestButton({ diplomaKey, kind, label }: { diplomaKey: string; kind: "DIPLOMA" | "EXPERIENCE"; label: string }) {
  const [state, action, pending] = useActionState(startRequestFormAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="diplomaKey" value={diplomaKey} />
      <input type="hidden" name="kind" value={kind} />
      {state && !state.ok ? (
        <Alert tone="error">
          <p>{state.message}</p>
          {state.missing?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {state.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Création du brouillon…" : label}
      </Button>
    </form>
  );
}
