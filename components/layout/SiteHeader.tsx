import Link from "next/link";
import { NavTabs } from "./NavTabs";
import { UserBox } from "./UserBox";

/**
 * Static on purpose: no session is read here, so pages that need none (the Aide, the home page)
 * are prerendered; the user's box fills itself in the browser.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 pt-4">
        <Link href="/" className="no-underline text-ink">
          <span className="block text-xl font-bold text-brand-800">D3</span>
          <span className="block text-sm text-slate-700">Demandes de diplôme et d&apos;analyse de l&apos;expérience – Cnam</span>
        </Link>
        <UserBox />
      </div>
      <NavTabs />
    </header>
  );
}
