import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readHelpData } from "./catalogue-data";
import { expandDataBlocks, type HelpData } from "./data-blocks";
import { parseFrontMatter, type FrontMatter } from "./front-matter";
import { renderMarkdown, type RenderedMarkdown } from "./markdown";
import { buildSearchIndex, type SearchIndex } from "./search";

/**
 * The help pages: one Markdown file per page in app/aide/_pages (the file name is the address:
 * `etapes.md` → /aide/etapes), read and rendered once per server process: at build time for the
 * static pages, at the first search for /aide/recherche.
 *
 * The folder is written out in full at each file access, never through a variable: the bundler
 * can then see which files the server reads and ships exactly those, where a computed path makes
 * it trace (and deploy) the whole project.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Addresses taken by other routes of /aide. */
const RESERVED_SLUGS = new Set(["recherche"]);

export interface HelpPage extends FrontMatter, RenderedMarkdown {
  slug: string;
  href: string;
}

/** One page from its file name (without `.md`) and its text; throws with a message for the author. */
export function parseHelpPage(slug: string, source: string, data: HelpData): HelpPage {
  const where = `app/aide/_pages/${slug}.md`;
  if (!SLUG.test(slug) || RESERVED_SLUGS.has(slug)) throw new Error(`${where} : nom de fichier invalide (minuscules sans accent, chiffres et tirets ; « recherche » est réservé).`);
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) throw new Error(`${where} : ${parsed.message}`);
  try {
    return { slug, href: `/aide/${slug}`, ...parsed.frontMatter, ...renderMarkdown(expandDataBlocks(parsed.body, data)) };
  } catch (error) {
    throw new Error(`${where} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function loadHelpPages(data: HelpData = readHelpData()): HelpPage[] {
  return readdirSync(path.join(process.cwd(), "app", "aide", "_pages"))
    .filter((file) => file.endsWith(".md"))
    .map((file) => parseHelpPage(file.slice(0, -".md".length), readFileSync(path.join(process.cwd(), "app", "aide", "_pages", file), "utf8"), data))
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

let loaded: { pages: HelpPage[]; index: SearchIndex } | null = null;

function helpContent(): { pages: HelpPage[]; index: SearchIndex } {
  // Read again on every request in development, so that an edited page shows on reload.
  if (loaded === null || process.env.NODE_ENV === "development") {
    const pages = loadHelpPages();
    loaded = { pages, index: buildSearchIndex(pages) };
  }
  return loaded;
}

/** Every page, in the order of their `order` field. */
export function getHelpPages(): HelpPage[] {
  return helpContent().pages;
}

export function getHelpPage(slug: string): HelpPage | undefined {
  return getHelpPages().find((page) => page.slug === slug);
}

export function getAdjacentPages(slug: string): { previous: HelpPage | null; next: HelpPage | null } {
  const pages = getHelpPages();
  const index = pages.findIndex((page) => page.slug === slug);
  if (index < 0) return { previous: null, next: null };
  return { previous: pages[index - 1] ?? null, next: pages[index + 1] ?? null };
}

export function getHelpSearchIndex(): SearchIndex {
  return helpContent().index;
}
