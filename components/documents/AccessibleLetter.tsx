import type { LetterContent } from "@/lib/requests/letters/content";
import { DocumentBlocks } from "./DocumentBlocks";
import { DocumentLinks, type DocumentLink } from "./DocumentLinks";

/**
 * A decision letter as a web page: the same content as its PDF, in the same order; the parts a
 * paper letter shows by their place (sender, recipient, references) are named by headings.
 */
export function AccessibleLetter({ content, back, pdf }: { content: LetterContent; back: DocumentLink; pdf: DocumentLink }) {
  return (
    <article className="max-w-3xl space-y-6" aria-labelledby="document-title">
      <DocumentLinks back={back} pdf={pdf} />
      <h1 id="document-title" className="text-2xl font-bold">
        {content.title}
      </h1>
      <section aria-labelledby="expediteur" className="space-y-1">
        <h2 id="expediteur" className="text-lg font-semibold">
          Expéditeur
        </h2>
        <p className="font-semibold">{content.sender.name}</p>
        {content.sender.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      {content.recipient ? (
        <section aria-labelledby="destinataire" className="space-y-1">
          <h2 id="destinataire" className="text-lg font-semibold">
            Destinataire
          </h2>
          <address className="not-italic">
            {content.recipient.map((line, index) => (
              <span key={index} className="block break-words">
                {line}
              </span>
            ))}
          </address>
        </section>
      ) : null}
      <section aria-labelledby="references" className="space-y-2">
        <h2 id="references" className="text-lg font-semibold">
          Références
        </h2>
        <p>{content.dateLine}</p>
        <DocumentBlocks blocks={[{ kind: "fields", fields: content.references }]} />
      </section>
      <section aria-labelledby="courrier" className="space-y-3">
        <h2 id="courrier" className="text-lg font-semibold">
          Courrier
        </h2>
        <p className="font-semibold">{content.subjectLine}</p>
        <DocumentBlocks blocks={content.body} />
        <p>
          <span className="block">{content.signature.body}</span>
          <span className="block font-semibold">{content.signature.name}</span>
          <span className="block text-slate-700">{content.signature.title}</span>
        </p>
      </section>
      {content.appeal ? (
        <section aria-labelledby="recours" className="space-y-1">
          <h2 id="recours" className="text-lg font-semibold">
            Voies et délais de recours
          </h2>
          <p className="whitespace-pre-line">{content.appeal}</p>
        </section>
      ) : null}
      <footer className="border-t border-slate-300 pt-2 text-sm">
        <p>{content.footer}</p>
      </footer>
    </article>
  );
}
