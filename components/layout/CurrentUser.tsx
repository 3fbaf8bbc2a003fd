"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { Role } from "@/lib/auth/domain/policy";

export type Me = { displayName: string; role: Role; roleLabel: string; unread: number; sessionSecondsLeft: number };

/** undefined: not known yet; null: nobody is logged in. */
type CurrentUserState = { me: Me | null | undefined; refresh: () => Promise<Me | null> };

const CurrentUserContext = createContext<CurrentUserState>({ me: undefined, refresh: async () => null });

async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  const response = await fetch("/api/moi", { signal, cache: "no-store" });
  return response.ok ? ((await response.json()) as Me | null) : null;
}

/**
 * Who is logged in, asked again at each navigation, for the header (tabs, name, notifications)
 * and the session's expiry warning. The pages stay static where they can: nothing here is rendered
 * on the server.
 */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
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
