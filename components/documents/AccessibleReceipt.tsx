import type { ReceiptContent } from "@/lib/requests/domain/receipt";
import { DocumentBlocks } from "./DocumentBlocks";
import { DocumentLinks, type DocumentLink } from "./DocumentLinks";

/** The récépissé de dépôt as a web page: the same content as its PDF, headings and lists included. */
export function AccessibleReceipt({ content, back, pdf }: { content: ReceiptContent; back: DocumentLink; pdf: DocumentLink }) {
  return (
    <article className="max-w-3xl space-y-6" aria-labelledby="document-title">
      <DocumentLinks back={back} pdf={pdf} />
      <header>
        <p className="text-sm text-slate-700">{content.issuer}</p>
        <h1 id="document-title" className="text-2xl font-bold">
          {content.title}
        </h1>
      </header>
      {content.sections.map((section, index) => (
        <section key={section.heading} aria-labelledby={`partie-${index + 1}`} className="space-y-2">
          <h2 id={`partie-${index + 1}`} className="border-b border-slate-300 pb-1 text-lg font-semibold">
            {section.heading}
          </h2>
          <DocumentBlocks blocks={section.blocks} />
        </section>
      ))}
      <footer className="border-t border-slate-300 pt-2 text-sm">
        <p>{content.footer}</p>
      </footer>
    </article>
  );
}
