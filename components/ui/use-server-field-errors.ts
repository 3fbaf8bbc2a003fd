"use client";

import { useCallback } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

/**
 * Shows the field errors a server action returned next to their fields, as if the browser had
 * found them, and moves the focus to the first one. What the user typed stays in the form.
 */
export function useServerFieldErrors<T extends FieldValues, TOutput extends FieldValues = T>(form: UseFormReturn<T, unknown, TOutput>) {
  const { setError, setFocus } = form;
  return useCallback(
    (fieldErrors: Partial<Record<string, string>> | undefined) => {
      const entries = Object.entries(fieldErrors ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1]));
      entries.forEach(([field, message]) => setError(field as Path<T>, { type: "server", message }));
      if (entries[0]) setFocus(entries[0][0] as Path<T>);
    },
    [setError, setFocus],
  );
}
