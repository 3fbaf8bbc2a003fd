"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { LogoutButton } from "./LogoutButton";

type Me = { displayName: string; roleLabel: string; unread: number } | null;

/** The logged-in user's name, notifications and logout, asked again at each navigation. */
export function UserBox() {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/moi", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Me>) : null))
      .then(setMe)
      .catch(() => undefined);
    return () => controller.abort();
  }, [pathname]);

  if (!me) return <div className="min-h-10" aria-hidden="true" />;
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-3 text-sm">
      <Link href="/notifications" className="font-medium" data-testid="notifications-link">
        Notifications
        {me.unread > 0 ? (
          <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-white">
            {me.unread}
            <span className="sr-only"> non lues</span>
          </span>
        ) : null}
      </Link>
      <span>
        <span className="font-semibold">{me.displayName}</span>
        <span className="block text-slate-700">{me.roleLabel}</span>
      </span>
      <LogoutButton />
    </div>
  );
}
