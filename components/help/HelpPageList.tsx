import Link from "next/link";

export interface HelpPageLink {
  slug: string;
  title: string;
  href: string;
}

/** Every page of the help, the one being read marked for assistive technologies and visibly. */
export function HelpPageList({ pages, current }: { pages: readonly HelpPageLink[]; current?: string }) {
  return (
    <nav aria-labelledby="pages-aide">
      <h2 id="pages-aide" className="text-lg font-semibold">
        Pages de l&apos;aide
      </h2>
      <ul className="mt-2 space-y-1">
        {pages.map((page) => {
          const isCurrent = page.slug === current;
          return (
            <li key={page.slug}>
              <Link
                href={page.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded border-l-4 px-3 py-2 ${isCurrent ? "border-brand-700 bg-brand-50 font-semibold text-brand-800 no-underline" : "border-transparent"}`}
              >
                {page.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
