"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentTab, navigationFor } from "@/lib/auth/domain/navigation";
import { useCurrentUser } from "./CurrentUser";

/** The spaces this user may enter (a learner sees no staff space, an agent no learner space), then the Aide. */
export function NavTabs() {
  const pathname = usePathname();
  const { me } = useCurrentUser();
  const tabs = navigationFor(me?.role ?? null);
  const current = currentTab(tabs, pathname);
  return (
    <nav aria-label="Menu principal" className="mx-auto max-w-5xl px-2 sm:px-4">
      <ul className="flex flex-wrap gap-x-1 pt-2 sm:pt-3">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.href === current ? "page" : undefined}
              className={`inline-block rounded-t border-b-4 px-3 py-2 font-medium no-underline sm:px-4 ${
                tab.href === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-800 hover:border-slate-300"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
