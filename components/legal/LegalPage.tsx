import type { ReactNode } from "react";

/** The common shape of the legal pages: a title, the date of the text, sections with headings. */
export function LegalPage({ title, updated, children }: { title: string; updated: string; children: ReactNode }) {
  return (
    <article className="max-w-3xl space-y-6 break-words">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="mt-1 text-sm text-slate-700">Mise à jour : {updated}</p>
      </div>
      {children}
    </article>
  );
}

export function LegalSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 [&_li]:ml-5 [&_ul]:list-disc [&_ul]:space-y-1">
      <h2 className="text-xl font-semibold">{title}</h2>
      {children}
    </section>
  );
}
