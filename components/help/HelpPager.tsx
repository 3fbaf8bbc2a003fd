import Link from "next/link";
import type { HelpPageLink } from "./HelpPageList";

/** Previous and next pages, in the order of the help, to read it from start to end. */
export function HelpPager({ previous, next }: { previous: HelpPageLink | null; next: HelpPageLink | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Pages précédente et suivante" className="mt-12 border-t border-slate-200 pt-6">
      <ul className="grid gap-3 sm:grid-cols-2">
        <li>
          {previous ? (
            <Link href={previous.href} rel="prev" className="block rounded border border-slate-200 bg-white p-3">
              <span className="block text-sm text-slate-700">Page précédente</span>
              <span className="font-semibold">← {previous.title}</span>
            </Link>
          ) : null}
        </li>
        <li className="sm:text-right">
          {next ? (
            <Link href={next.href} rel="next" className="block rounded border border-slate-200 bg-white p-3">
              <span className="block text-sm text-slate-700">Page suivante</span>
              <span className="font-semibold">{next.title} →</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
