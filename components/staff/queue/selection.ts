import { useSyncExternalStore } from "react";
import { BULK_FORM_ID } from "./form-id";

/**
 * The rows ticked for a bulk action, read from the page itself: the checkboxes are server-rendered
 * in the table and join the bulk form through their `form` attribute. A tick fires `change`; a
 * script that ticks boxes says so with SELECTION_CHANGED (setting `checked` fires nothing).
 */
const SELECTION_CHANGED = "d3:bulk-selection";

function boxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM_ID}"][name="item"]:not(:disabled)`)];
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener("change", onChange);
  document.addEventListener(SELECTION_CHANGED, onChange);
  return () => {
    document.removeEventListener("change", onChange);
    document.removeEventListener(SELECTION_CHANGED, onChange);
  };
}

/** Ticks or unticks every row that can be ticked. */
export function tickAll(checked: boolean): void {
  for (const box of boxes()) box.checked = checked;
  document.dispatchEvent(new Event(SELECTION_CHANGED));
}

/** Tells the listeners that the rows changed (after an action that re-renders them). */
export function selectionChanged(): void {
  document.dispatchEvent(new Event(SELECTION_CHANGED));
}

/** How many rows are ticked; null on the server and before the page's scripts run. */
export function useTickedCount(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => boxes().filter((box) => box.checked).length,
    () => null,
  );
}

/** How many rows can be ticked on the page; null on the server. */
export function useTickableCount(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => boxes().length,
    () => null,
  );
}
