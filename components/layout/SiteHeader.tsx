import Link from "next/link";
import { getCurrentUser } from "@/lib/server/session";
import { ROLE_LABELS } from "@/lib/domain/policy";
import { LogoutButton } from "./LogoutButton";
import { unreadCount } from "@/lib/notifications/inbox";
import { NavTabs } from "./NavTabs";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const unread = user ? await unreadCount(user.id) : 0;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 pt-4">
        <Link href="/" className="no-underline text-ink">
          <span className="block text-xl font-bold text-brand-800">D3</span>
          <span className="block text-sm text-slate-700">Demandes de diplôme et d&apos;analyse de l&apos;expérience – Cnam</span>
        </Link>
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Link href="/notifications" className="font-medium" data-testid="notifications-link">
              Notifications{unread > 0 ? <span className="ml-1 rounded-full bg-brand-700 px-2 py-0.5 text-white">{unread}<span className="sr-only"> non lues</span></span> : null}
            </Link>
            <span>
              <span className="font-semibold">{user.displayName}</span>
              <span className="block text-slate-700">{ROLE_LABELS[user.role]}</span>
            </span>
            <LogoutButton />
          </div>
        ) : null}
      </div>
      <NavTabs />
    </header>
  );
}
