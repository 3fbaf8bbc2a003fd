import type { HelpHeading } from "@/lib/help/markdown";

interface TocEntry {
  heading: HelpHeading;
  children: HelpHeading[];
}

/** "Sur cette page": the h2 of the page, each with its h3. */
export function HelpToc({ headings }: { headings: readonly HelpHeading[] }) {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) entries.push({ heading, children: [] });
    else if (heading.depth === 3) entries[entries.length - 1]?.children.push(heading);
  }
  if (entries.length < 2) return null;
  return (
    <nav aria-labelledby="sommaire" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="sommaire" className="font-semibold">
        Sur cette page
      </h2>
      <ol className="mt-2 space-y-1">
        {entries.map(({ heading, children }) => (
          <li key={heading.anchor}>
            <a href={`#${heading.anchor}`}>{heading.text}</a>
            {children.length > 0 ? (
              <ol className="mt-1 space-y-1 border-l border-slate-200 pl-4 text-sm">
                {children.map((child) => (
                  <li key={child.anchor}>
                    <a href={`#${child.anchor}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
