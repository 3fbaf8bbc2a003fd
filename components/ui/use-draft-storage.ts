"use client";

import { useEffect } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * Keeps what the user is typing in the browser's storage, so that a reload or a crash loses
 * nothing; `clear()` once the server has saved it. Values never leave the user's browser.
 */
export function useDraftStorage<T extends FieldValues, TOutput extends FieldValues = T>(key: string, form: UseFormReturn<T, unknown, TOutput>) {
  const { reset, watch } = form;
  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(key);
      if (saved) reset({ ...form.getValues(), ...(JSON.parse(saved) as T) });
    } catch {
      // Storage disabled or corrupted: the form simply starts from its defaults.
    }
    // Restore once per key, not at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    const subscription = watch((values) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(values));
      } catch {
        // Quota or private mode: typing still works, only the safety copy is lost.
      }
    });
    return () => subscription.unsubscribe();
  }, [key, watch]);

  return {
    clear() {
      try {
        window.localStorage.removeItem(key);
      } catch {}
    },
  };
}
