"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { Me } from "@/lib/auth/domain/me";

export type { Me };

/** undefined: not known yet; null: nobody is logged in. */
type CurrentUserState = { me: Me | null | undefined; refresh: () => Promise<Me | null> };

const CurrentUserContext = createContext<CurrentUserState>({ me: undefined, refresh: async () => null });

async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  const response = await fetch("/api/moi", { signal, cache: "no-store" });
  return response.ok ? ((await response.json()) as Me | null) : null;
}

/**
 * Who is logged in, for the header (tabs, name, notifications) and the session's expiry warning:
 * given by the root layout with the page (so the header is drawn right away, without moving once
 * the page is shown), then asked again at each navigation in the browser, where the layout is
 * not rendered again.
 */
export function CurrentUserProvider({ initial, children }: { initial: Me | null; children: ReactNode }) {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null | undefined>(initial);
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then(setMe)
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname]);
  const refresh = useCallback(async () => {
    const fresh = await fetchMe();
    setMe(fresh);
    return fresh;
  }, []);
  return <CurrentUserContext.Provider value={{ me, refresh }}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUserState {
  return useContext(CurrentUserContext);
}
