"use client";

import { useCallback, useEffect, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * Local copies of what the user is typing, in the browser's storage, so that a reload, a crash or
 * an expired session (log in again, come back: the text is there) loses nothing. Values never
 * leave the user's browser; every key starts with DRAFT_PREFIX so that logging out clears them all.
 */
export const DRAFT_PREFIX = "d3:";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage disabled: the forms work, without a safety copy.
    return null;
  }
}

export function readDraft<T>(key: string): T | null {
  try {
    const saved = storage()?.getItem(key);
    return saved ? (JSON.parse(saved) as T) : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or private mode: typing still works, only the safety copy is lost.
  }
}

function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {}
}

export function hasDraft(key: string): boolean {
  return readDraft(key) !== null;
}

/** At logout: a shared computer must not keep what the user typed. */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => Boolean(key?.startsWith(DRAFT_PREFIX)));
  keys.forEach(removeDraft);
}

/** The local copy of a react-hook-form form; `clear()` once the server has saved it. */
export function useDraftStorage<T extends FieldValues, TOutput extends FieldValues = T>(key: string, form: UseFormReturn<T, unknown, TOutput>) {
  const { reset, watch } = form;
  useEffect(() => {
    const saved = readDraft<T>(key);
    if (saved) reset({ ...form.getValues(), ...saved });
    // Restore once per key, not at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    const subscription = watch((values) => writeDraft(key, values));
    return () => subscription.unsubscribe();
  }, [key, watch]);

  return { clear: () => removeDraft(key) };
}

/** The local copy of one text typed into a plain field (a message); empty text is no draft. */
export function useDraftText(key: string): [string, (value: string) => void, () => void] {
  const [text, setText] = useState("");
  useEffect(() => {
    const saved = readDraft<string>(key);
    // The browser's storage is only readable after hydration: an effect, as useDraftStorage's reset.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (typeof saved === "string" && saved) setText(saved);
  }, [key]);
  const update = useCallback(
    (value: string) => {
      setText(value);
      if (value) writeDraft(key, value);
      else removeDraft(key);
    },
    [key],
  );
  const clear = useCallback(() => {
    setText("");
    removeDraft(key);
  }, [key]);
  return [text, update, clear];
}
