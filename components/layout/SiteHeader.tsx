import Link from "next/link";
import { NavTabs } from "./NavTabs";
import { UserBox } from "./UserBox";

/**
 * The establishment's brand block (text only: the Cnam's logo is not reproduced) and the service's
 * name, then the user's box and the tabs. Compact on phones: the service's subtitle and the
 * user's name give way. The user's box and the tabs read who is logged in from CurrentUserProvider,
 * which the root layout fills with the page.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-2 pt-2 sm:px-4 sm:pt-4">
        <Link href="/" className="flex items-center gap-3 text-ink no-underline hover:text-ink">
          <span className="whitespace-nowrap rounded-sm bg-brand-700 px-2 py-1 text-base font-extrabold leading-tight tracking-tight text-white sm:text-lg">
            Le Cnam
          </span>
          <span>
            <span className="block font-bold leading-tight text-brand-800 sm:text-xl">D3 — Diplômes et expérience</span>
            <span className="hidden text-sm text-slate-700 sm:block">Conservatoire national des arts et métiers</span>
            <span className="sr-only"> – accueil</span>
          </span>
        </Link>
        <UserBox />
      </div>
      <NavTabs />
    </header>
  );
}
