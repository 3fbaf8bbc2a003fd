"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
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
      <button type="submit" disabled={pending} className="rounded border border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Création du brouillon…" : label}
      </button>
    </form>
  );
}
