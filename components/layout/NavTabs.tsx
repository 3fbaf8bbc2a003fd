"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/auditeur", label: "Espace auditeur", match: ["/auditeur", "/demandes", "/profil"] },
  { href: "/espace-centre", label: "Espace centre", match: ["/espace-centre", "/centre", "/national", "/admin"] },
  { href: "/aide", label: "Aide", match: ["/aide"] },
];

export function NavTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Espaces" className="mx-auto max-w-5xl px-4">
      <ul className="flex flex-wrap gap-1 pt-3">
        {TABS.map((tab) => {
          const current = tab.match.some((m) => pathname === m || pathname.startsWith(m + "/"));
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-t border-b-4 px-4 py-2 font-medium no-underline ${
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-800 hover:border-slate-300"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
