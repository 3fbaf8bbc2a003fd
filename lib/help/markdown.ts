import MarkdownIt, { type StateCore, type Token } from "markdown-it";
import { assignAnchors } from "./slug";

/**
 * Markdown → HTML for the help pages (CommonMark with tables and strikethrough, by markdown-it),
 * and the outline (headings, section texts) that the table of contents and the search index are
 * built from. What the help adds to CommonMark:
 * - `#` gives an h2, since the page title from the front matter is the only h1; `#####` and
 *   deeper give an h4, the deepest level of the table of contents;
 * - every heading gets an anchor and links to itself; an explicit anchor may follow the text,
 *   `## Titre {#mon-ancre}` (lib/help/anchors.ts links to those), the others are slugs (slug.ts);
 * - a link may only go to `/…`, `#…`, `http(s)://…` or `mailto:…` (anything else stays text).
 *
 * Raw HTML is off: HTML written in a page is shown as text, never run.
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

const EXPLICIT_ANCHOR = /^(.*?)\s*\{#([^}\s]*)\}$/;

/** What the help's core rule and renderMarkdown record on each `heading_open` token. */
type HeadingMeta = {
  depth: HeadingDepth;
  explicitAnchor?: string;
  anchor?: string;
};
const headingMeta = (token: Token) => token.meta as HeadingMeta;

const markdown = new MarkdownIt("default", { html: false, linkify: false, typographer: false });
markdown.validateLink = (url) => safeHref(url) !== null;
// Pages link to documents; they never embed pictures from elsewhere.
markdown.disable("image");
markdown.core.ruler.before("inline", "help_headings", headingLevelsAndExplicitAnchors);
markdown.renderer.rules.heading_open = (tokens, index) => {
  const token = tokens[index] as Token;
  const anchor = markdown.utils.escapeHtml(headingMeta(token).anchor ?? "");
  return `<${token.tag} id="${anchor}"><a href="#${anchor}">`;
};
markdown.renderer.rules.heading_close = (tokens, index) => `</a></${(tokens[index] as Token).tag}>\n`;

/** Runs before inline parsing, so that `{#ancre}` is never read as text of the heading. */
function headingLevelsAndExplicitAnchors(state: StateCore): void {
  state.tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const depth = Math.min(4, Math.max(2, Number(token.tag.slice(1)))) as HeadingDepth;
    const inline = state.tokens[index + 1] as Token;
    const close = state.tokens[index + 2] as Token;
    token.tag = close.tag = `h${depth}`;
    const explicit = EXPLICIT_ANCHOR.exec(inline.content);
    token.meta = { depth, ...(explicit ? { explicitAnchor: explicit[2] ?? "" } : {}) } satisfies HeadingMeta;
    if (explicit) inline.content = explicit[1] ?? "";
  });
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {};
  const tokens = markdown.parse(source, env);

  const anchors = assignAnchors(
    tokens.flatMap((token, index) => {
      if (token.type !== "heading_open") return [];
      const { explicitAnchor } = headingMeta(token);
      return [{ text: plainText(tokens[index + 1] as Token), ...(explicitAnchor !== undefined ? { explicitAnchor } : {}) }];
    }),
  );

  const headings: HelpHeading[] = [];
  const sections: HelpSection[] = [{ heading: null, text: "" }];
  const addText = (text: string) => {
    const section = sections[sections.length - 1];
    if (section && text) section.text = section.text ? `${section.text} ${text}` : text;
  };
  tokens.forEach((token, index) => {
    if (token.type === "heading_open") {
      const heading: HelpHeading = { depth: headingMeta(token).depth, text: plainText(tokens[index + 1] as Token), anchor: anchors[headings.length] ?? "" };
      headingMeta(token).anchor = heading.anchor;
      headings.push(heading);
      sections.push({ heading, text: "" });
    } else if (token.type === "inline" && tokens[index - 1]?.type !== "heading_open") {
      addText(plainText(token));
    } else if (token.type === "fence" || token.type === "code_block") {
      addText(token.content.trim().replace(/\s+/g, " "));
    }
  });

  return {
    html: markdown.renderer.render(tokens, markdown.options, env),
    headings,
    sections: sections.filter((section) => section.heading !== null || section.text !== ""),
  };
}

/** The text of one inline run, without its marks: for the outline and the search index. */
function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : ""))
    .join("")
    .trim();
}

/** Internal paths, fragments, web pages and e-mail addresses; never `javascript:`, `data:` or `//host`. */
export function safeHref(href: string): string | null {
  if (/[\u0000-\u0020\u007f]/.test(href)) return null;
  return /^(?:\/(?!\/)|#|https?:\/\/[^/]|mailto:[^@]+@)/i.test(href) ? href : null;
}
