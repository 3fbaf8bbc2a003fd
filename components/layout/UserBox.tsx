"use client";

import Link from "next/link";
import { countOf } from "@/lib/shared/text";
import { useCurrentUser } from "./CurrentUser";
import { LogoutButton } from "./LogoutButton";

/** The logged-in user's name, notifications and logout; « Se connecter » for a visitor. Compact on phones. */
export function UserBox() {
  const { me } = useCurrentUser();
  if (me === undefined) return <div className="min-h-10" aria-hidden="true" />;
  if (me === null) {
    return (
      <div className="flex min-h-10 items-center text-sm">
        <Link href="/connexion" className="font-medium">
          Se connecter
        </Link>
      </div>
    );
  }
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <Link href="/notifications" className="font-medium" data-testid="notifications-link">
        Notifications
        {me.unread > 0 ? (
          <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-white">
            <span aria-hidden="true">{me.unread}</span>
            <span className="sr-only"> : {countOf(me.unread, "non lue", "non lues")}</span>
          </span>
        ) : null}
      </Link>
      <span className="hidden sm:block">
        <span className="font-semibold">{me.displayName}</span>
        <span className="block text-slate-700">{me.roleLabel}</span>
      </span>
      <LogoutButton />
    </div>
  );
}
