"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Accueil" },
  { href: "/admin/centres", label: "Centres" },
  { href: "/admin/comptes", label: "Comptes" },
  { href: "/admin/imports", label: "Imports" },
  { href: "/admin/journal", label: "Journal" },
  { href: "/admin/courriels", label: "Courriels" },
  { href: "/admin/statistiques", label: "Statistiques" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 border-b border-slate-200 pb-2">
        {LINKS.map((link) => {
          const current = link.href === "/admin" ? pathname === "/admin" : pathname === link.href || pathname.startsWith(link.href + "/");
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined} className={current ? "font-semibold text-brand-800 no-underline" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
