"use client";

import { useEffect } from "react";

export const ERROR_TITLE_PREFIX = "Erreur – ";

/**
 * While a form shows errors, the page's title starts with « Erreur – » (RGAA 11.10): a screen
 * reader user hears it on the title, and the tab says so. Back to the title once corrected.
 */
export function useErrorTitle(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const original = document.title.startsWith(ERROR_TITLE_PREFIX) ? document.title.slice(ERROR_TITLE_PREFIX.length) : document.title;
    document.title = ERROR_TITLE_PREFIX + original;
    return () => {
      document.title = original;
    };
  }, [active]);
}
