"use client";

import { useCallback, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { FieldErrors } from "@/lib/shared/forms";
import { useServerFieldErrors } from "./use-server-field-errors";

export type Outcome = { tone: "success" | "error"; text: string };

/** What a server action answers, as far as a form needs to know. */
type ActionAnswer = { ok: true } | { ok: false; message: string; fieldErrors?: FieldErrors };

export const SERVICE_UNAVAILABLE = "Le service est momentanément indisponible. Réessayez dans quelques minutes.";

/**
 * The one way a form shows what its server action answered: field errors next to their fields,
 * another failure as an error message, a thrown call (network, server down) as `unavailable`,
 * and a success as the text `onSuccess` returns (none when it returns nothing).
 */
export function useActionOutcome<T extends FieldValues, TOutput extends FieldValues = T>(form: UseFormReturn<T, unknown, TOutput>, unavailable: string = SERVICE_UNAVAILABLE) {
  const showServerErrors = useServerFieldErrors(form);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const clear = useCallback(() => setOutcome(null), []);
  const submit = useCallback(
    async <R extends ActionAnswer>(call: () => Promise<R>, onSuccess: (result: Extract<R, { ok: true }>) => string | void) => {
      setOutcome(null);
      try {
        const result = await call();
        if (result.ok) {
          const text = onSuccess(result as Extract<R, { ok: true }>);
          if (text) setOutcome({ tone: "success", text });
        } else if (result.fieldErrors) showServerErrors(result.fieldErrors);
        else setOutcome({ tone: "error", text: result.message });
      } catch {
        setOutcome({ tone: "error", text: unavailable });
      }
    },
    [showServerErrors, unavailable],
  );
  return { outcome, submit, clear };
}
