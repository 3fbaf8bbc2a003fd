import { assignAnchors } from "./slug";

/**
 * Markdown → HTML for the help pages, and the outline (headings, section texts) that the table of
 * contents and the search index are built from. This is the only module that knows the Markdown
 * syntax: to use a full parser instead (markdown-it with `html: false`), reimplement
 * `renderMarkdown` here and keep its result type.
 *
 * Supported, enough for pages written by centres:
 * - `## Titre` (h2), `### Titre` (h3), `#### Titre` (h4); `#` also gives an h2, since the page
 *   title from the front matter is the only h1. An explicit anchor may follow: `## Titre {#mon-ancre}`;
 * - paragraphs; lists `- élément` or `1. élément` (one level; indented lines continue an item);
 *   quotes `> texte`;
 * - inline `**gras**`, `*italique*`, `` `code` `` and `[texte](lien)`, where a link may only go to
 *   `/…`, `#…`, `http(s)://…` or `mailto:…` (anything else is shown as plain text).
 *
 * Anything else is text: every character is escaped, so HTML written in a page is shown, never run.
 */

export type HeadingDepth = 2 | 3 | 4;

export interface HelpHeading {
  depth: HeadingDepth;
  text: string;
  anchor: string;
}

/** The text under one heading (up to the next heading of any level); `heading` is null before the first one. */
export interface HelpSection {
  heading: HelpHeading | null;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: HelpHeading[];
  sections: HelpSection[];
}

type Block =
  | { type: "heading"; depth: HeadingDepth; source: string; explicitAnchor?: string }
  | { type: "paragraph"; source: string }
  | { type: "quote"; paragraphs: string[] }
  | { type: "list"; ordered: boolean; items: string[] };

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const blocks = parseBlocks(markdown);
  const headingBlocks = blocks.filter((block): block is Extract<Block, { type: "heading" }> => block.type === "heading");
  const anchors = assignAnchors(
    headingBlocks.map((block) => ({ text: renderInline(block.source, false).plain, ...(block.explicitAnchor ? { explicitAnchor: block.explicitAnchor } : {}) })),
  );

  const html: string[] = [];
  const headings: HelpHeading[] = [];
  const sections: HelpSection[] = [{ heading: null, text: "" }];
  const addText = (text: string) => {
    const section = sections[sections.length - 1];
    if (section) section.text = section.text ? `${section.text} ${text}` : text;
  };

  for (const block of blocks) {
    switch (block.type) {
      case "heading": {
        const inline = renderInline(block.source, false);
        const heading: HelpHeading = { depth: block.depth, text: inline.plain, anchor: anchors[headings.length] ?? "" };
        headings.push(heading);
        sections.push({ heading, text: "" });
        html.push(`<h${heading.depth} id="${heading.anchor}"><a href="#${heading.anchor}">${inline.html}</a></h${heading.depth}>`);
        break;
      }
      case "paragraph": {
        const inline = renderInline(block.source);
        html.push(`<p>${inline.html}</p>`);
        addText(inline.plain);
        break;
      }
      case "quote": {
        const rendered = block.paragraphs.map((paragraph) => renderInline(paragraph));
        html.push(`<blockquote>${rendered.map((r) => `<p>${r.html}</p>`).join("")}</blockquote>`);
        rendered.forEach((r) => addText(r.plain));
        break;
      }
      case "list": {
        const rendered = block.items.map((item) => renderInline(item));
        const tag = block.ordered ? "ol" : "ul";
        html.push(`<${tag}>${rendered.map((r) => `<li>${r.html}</li>`).join("")}</${tag}>`);
        rendered.forEach((r) => addText(r.plain));
        break;
      }
    }
  }
  return { html: html.join("\n"), headings, sections: sections.filter((section) => section.heading !== null || section.text !== "") };
}

const HEADING = /^(#{1,4})\s+(.+?)\s*$/;
const EXPLICIT_ANCHOR = /^(.*?)\s*\{#([^}\s]*)\}$/;
const LIST_ITEM = /^\s{0,3}(?:([-*])|(\d{1,9})[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

function parseBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === "";
  const startsBlock = (line: string) => HEADING.test(line) || LIST_ITEM.test(line) || QUOTE.test(line);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const hashes = heading[1]?.length ?? 2;
      const text = heading[2] ?? "";
      const explicit = EXPLICIT_ANCHOR.exec(text);
      const depth = Math.max(2, hashes) as HeadingDepth;
      blocks.push(explicit ? { type: "heading", depth, source: explicit[1] ?? "", explicitAnchor: explicit[2] ?? "" } : { type: "heading", depth, source: text });
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const paragraphs: string[][] = [[]];
      for (let match = QUOTE.exec(lines[i] ?? ""); match && i < lines.length; match = QUOTE.exec(lines[i] ?? "")) {
        const content = (match[1] ?? "").trim();
        if (content === "") paragraphs.push([]);
        else paragraphs[paragraphs.length - 1]?.push(content);
        i += 1;
      }
      blocks.push({ type: "quote", paragraphs: paragraphs.filter((p) => p.length > 0).map((p) => p.join(" ")) });
      continue;
    }
    const first = LIST_ITEM.exec(line);
    if (first) {
      const ordered = first[2] !== undefined;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? "";
        const item = LIST_ITEM.exec(current);
        if (item && (item[2] !== undefined) === ordered) {
          items.push((item[3] ?? "").trim());
        } else if (!isBlank(current) && /^\s/.test(current) && !item) {
          items[items.length - 1] += ` ${current.trim()}`;
        } else if (isBlank(current)) {
          // A blank line between two items of the same list does not end it.
          const next = LIST_ITEM.exec(lines[i + 1] ?? "");
          if (!next || (next[2] !== undefined) !== ordered) break;
        } else {
          break;
        }
        i += 1;
      }
      blocks.push({ type: "list", ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && !isBlank(lines[i]) && (paragraph.length === 0 || !startsBlock(lines[i] ?? ""))) {
      paragraph.push((lines[i] ?? "").trim());
      i += 1;
    }
    blocks.push({ type: "paragraph", source: paragraph.join(" ") });
  }
  return blocks;
}

const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*/g;

/** Inline Markdown of one block: its HTML, and its plain text (for the outline and the search index). */
function renderInline(text: string, allowLinks = true): { html: string; plain: string } {
  let html = "";
  let plain = "";
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const before = text.slice(last, match.index);
    html += escapeHtml(before);
    plain += before;
    const [, code, linkText, href, strong, emphasis] = match;
    if (code !== undefined) {
      html += `<code>${escapeHtml(code)}</code>`;
      plain += code;
    } else if (linkText !== undefined) {
      const inner = renderInline(linkText, false);
      const safe = allowLinks ? safeHref(href ?? "") : null;
      html += safe === null ? inner.html : `<a href="${escapeHtml(safe)}">${inner.html}</a>`;
      plain += inner.plain;
    } else {
      const inner = renderInline(strong ?? emphasis ?? "", allowLinks);
      html += strong !== undefined ? `<strong>${inner.html}</strong>` : `<em>${inner.html}</em>`;
      plain += inner.plain;
    }
    last = match.index + match[0].length;
  }
  html += escapeHtml(text.slice(last));
  plain += text.slice(last);
  return { html, plain };
}

/** Internal paths, fragments, web pages and e-mail addresses; never `javascript:`, `data:` or `//host`. */
export function safeHref(href: string): string | null {
  if (/[\u0000-\u0020\u007f]/.test(href)) return null;
  return /^(?:\/(?!\/)|#|https?:\/\/[^/]|mailto:[^@]+@)/i.test(href) ? href : null;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
