"use client";

import { useEffect } from "react";

/**
 * Sets the tab's title from inside a page that cannot export its own metadata: the 403 page is
 * rendered in place of a page whose own title would otherwise stay (« Demandes du centre »).
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
