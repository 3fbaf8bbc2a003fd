import type { DocumentBlock } from "@/lib/shared/document-content";

/**
 * A document's content (lib/shared/document-content.ts) as a web page: the same blocks as its PDF,
 * with their meaning in the markup (description lists, numbered lists, headings) so that a screen
 * reader, a zoom or a translation tool gets what the PDF says.
 */
export function DocumentBlocks({ blocks, noteLevel = 3 }: { blocks: readonly DocumentBlock[]; noteLevel?: 2 | 3 }) {
  return (
    <>
      {blocks.map((block, index) => (
        <Block key={index} block={block} noteLevel={noteLevel} />
      ))}
    </>
  );
}

function Block({ block, noteLevel }: { block: DocumentBlock; noteLevel: 2 | 3 }) {
  switch (block.kind) {
    case "paragraph":
      return <p className={block.tone === "strong" ? "font-semibold" : block.tone === "muted" ? "text-sm text-slate-700" : undefined}>{block.text}</p>;
    case "fields":
      return (
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          {block.fields.map((field) => (
            <div key={field.label} className="contents">
              <dt className="font-medium text-slate-700">{field.label}</dt>
              <dd className="break-words">{field.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "list": {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <span className="font-semibold break-words">{item.title}</span>
          {item.details.map((detail, line) => (
            <span key={line} className="block break-words">
              {detail}
            </span>
          ))}
        </li>
      ));
      return block.ordered ? <ol className="list-decimal space-y-2 pl-6">{items}</ol> : <ul className="list-disc space-y-2 pl-6">{items}</ul>;
    }
    case "note": {
      const Heading = noteLevel === 2 ? "h2" : "h3";
      return (
        <div className="rounded bg-slate-100 p-3">
          <Heading className="font-semibold">{block.title}</Heading>
          <p className="whitespace-pre-line">{block.text}</p>
        </div>
      );
    }
  }
}
