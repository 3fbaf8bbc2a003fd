import Link from "next/link";
import type { SearchResult } from "@/lib/help/search";

export function HelpSearchResults({ results }: { results: readonly SearchResult[] }) {
  return (
    <ol className="mt-4 space-y-4" data-testid="help-results">
      {results.map((result) => (
        <li key={result.href} className="rounded border border-slate-200 bg-white p-4">
          <Link href={result.href} className="text-lg font-semibold">
            {result.heading ?? result.pageTitle}
          </Link>
          <p className="text-sm text-slate-700">{result.heading ? result.pageTitle : "Début de la page"}</p>
          {result.snippet.length > 0 ? (
            <p className="mt-2">
              {result.snippet.map((part, index) =>
                part.match ? (
                  <mark key={index} className="rounded bg-amber-200 px-0.5 text-ink">
                    {part.text}
                  </mark>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
