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
    if (!document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = ERROR_TITLE_PREFIX + document.title;
    // The title as it is then, without the prefix: the page may have been refreshed meanwhile (a
    // new state, a new title), and a copy taken before would bring the old one back.
    return () => {
      if (document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = document.title.slice(ERROR_TITLE_PREFIX.length);
    };
  }, [active]);
}
