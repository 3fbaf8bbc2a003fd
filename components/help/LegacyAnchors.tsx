"use client";

import { useEffect } from "react";

/**
 * Follows an old anchor of the page (`#in-review`) to its French one (`#en-instruction`): the
 * address is corrected and the section scrolled to, as if the link had been the new one. Fragments
 * never reach the server, so this is the browser's work.
 */
export function LegacyAnchors({ anchors }: { anchors: Record<string, string> }) {
  useEffect(() => {
    const follow = () => {
      const target = anchors[decodeURIComponent(window.location.hash.slice(1))];
      if (!target) return;
      window.history.replaceState(window.history.state, "", `#${target}`);
      document.getElementById(target)?.scrollIntoView();
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [anchors]);
  return null;
}
