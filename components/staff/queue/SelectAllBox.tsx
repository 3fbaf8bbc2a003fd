"use client";

import { SELECT_ALL_ID } from "./form-id";
import { tickAll, useTickableCount, useTickedCount } from "./selection";

/**
 * The table header's « Tout sélectionner » box: scripts only (without them the column has its
 * hidden heading only, and each row is ticked by hand). Checked when every row that can be ticked is.
 */
export function SelectAllBox() {
  const ticked = useTickedCount();
  const tickable = useTickableCount();
  // The same room as the box, so that the header row does not grow when the scripts arrive (a layout shift).
  if (ticked === null || !tickable)
    return (
      <span className="inline-block h-5 w-5 align-middle">
        <span className="sr-only">Sélection</span>
      </span>
    );
  return (
    <input
      type="checkbox"
      id={SELECT_ALL_ID}
      aria-label="Sélectionner toutes les demandes de la page"
      className="h-5 w-5 align-middle"
      checked={ticked === tickable}
      ref={(box) => {
        if (box) box.indeterminate = ticked > 0 && ticked < tickable;
      }}
      onChange={(event) => tickAll(event.currentTarget.checked)}
    />
  );
}
