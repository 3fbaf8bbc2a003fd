import type { Metadata } from "next";
import { pageTitle } from "@/lib/shared/text";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HelpArticle } from "@/components/help/HelpArticle";
import { HelpPageList } from "@/components/help/HelpPageList";
import { HelpPager } from "@/components/help/HelpPager";
import { HelpSearchForm } from "@/components/help/HelpSearchForm";
import { HelpToc } from "@/components/help/HelpToc";
import { LegacyAnchors } from "@/components/help/LegacyAnchors";
import { legacyAnchorsOf } from "@/lib/help/anchors";
import { getAdjacentPages, getHelpPage, getHelpPages } from "@/lib/help/pages";

type Params = { params: Promise<{ page: string }> };

/** Only the pages of app/aide/_pages exist; any other address is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): { page: string }[] {
  return getHelpPages().map((page) => ({ page: page.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = getHelpPage((await params).page);
  return page ? { title: pageTitle(page.title, "Aide"), description: page.description } : {};
}

export default async function HelpArticlePage({ params }: Params) {
  const { page: slug } = await params;
  const page = getHelpPage(slug);
  if (!page) notFound();
  const { previous, next } = getAdjacentPages(slug);

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <article aria-labelledby="titre-page" className="min-w-0 max-w-3xl">
        <nav aria-label="Fil d'Ariane" className="text-sm">
          <ol className="flex flex-wrap gap-x-2">
            <li>
              <Link href="/aide">Aide</Link>
              <span aria-hidden="true"> ›</span>
            </li>
            <li aria-current="page">{page.title}</li>
          </ol>
        </nav>
        <h1 id="titre-page" className="mt-2 text-2xl font-bold">
          {page.title}
        </h1>
        <p className="mt-2 text-lg text-slate-700">{page.description}</p>
        <div className="mt-6">
          <HelpToc headings={page.headings} />
        </div>
        <div className="mt-6">
          <HelpArticle html={page.html} />
          <LegacyAnchors anchors={legacyAnchorsOf(page.slug)} />
        </div>
        <HelpPager previous={previous} next={next} />
      </article>

      <aside aria-label="Navigation dans l'aide" className="space-y-8 lg:sticky lg:top-4 lg:self-start">
        <HelpSearchForm />
        <HelpPageList pages={getHelpPages()} current={page.slug} />
      </aside>
    </div>
  );
}
