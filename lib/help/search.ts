import { foldAccents } from "@/lib/shared/text";
import type { HelpSection } from "./markdown";

/**
 * Search across the help pages, without accents or case mattering: "experience" finds
 * "Expérience" and "expériences". Pure: the index is built once from the rendered pages, and a
 * query is answered from it, section by section, best first.
 */

export interface SearchablePage {
  slug: string;
  title: string;
  description: string;
  sections: readonly HelpSection[];
}

interface FoldedText {
  /** Lower case, without accents. */
  text: string;
  /** For each character of `text`, where it comes from in the original text. */
  starts: number[];
  ends: number[];
}

interface IndexEntry {
  pageSlug: string;
  pageTitle: string;
  /** null for the top of a page, before its first heading (matched against the page title). */
  heading: string | null;
  anchor: string | null;
  text: string;
  foldedTitle: FoldedText;
  foldedHeading: FoldedText;
  foldedText: FoldedText;
}

export interface SearchIndex {
  readonly entries: readonly IndexEntry[];
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  pageSlug: string;
  pageTitle: string;
  heading: string | null;
  anchor: string | null;
  /** `/aide/page#ancre`, or `/aide/page` for the top of a page. */
  href: string;
  score: number;
  /** Some text around the first match, the matched words marked (may be empty). */
  snippet: SnippetPart[];
}

export function buildSearchIndex(pages: readonly SearchablePage[]): SearchIndex {
  const entries = pages.flatMap((page) => {
    const sections = page.sections.some((section) => section.heading === null) ? page.sections : [{ heading: null, text: "" }, ...page.sections];
    return sections.map((section): IndexEntry => {
      const heading = section.heading?.text ?? null;
      const text = section.heading === null && section.text === "" ? page.description : section.text;
      return {
        pageSlug: page.slug,
        pageTitle: page.title,
        heading,
        anchor: section.heading?.anchor ?? null,
        text,
        foldedTitle: fold(page.title),
        foldedHeading: fold(heading ?? page.title),
        foldedText: fold(text),
      };
    });
  });
  return { entries };
}

/** Words too common to tell pages apart; dropped unless the query holds nothing else. */
const STOP_WORDS = new Set(
  "au aux ce ces cette dans de des du en est et il la le les leur mes mon ne ou par pas pour qu que qui sa se ses son sont sur un une vos votre vous".split(" "),
);
const MAX_TERMS = 10;

/** The words of a query, folded ("Expérience pro" → ["experience", "pro"]), without repeats. */
export function queryTerms(query: string): string[] {
  const words = [...new Set(fold(query).text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2))];
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_TERMS);
}

/**
 * Sections whose heading or text holds at least one word of the query at the start of a word
 * ("exp" finds "expérience", "rience" does not); the top of a page is matched with the page title.
 * Ranked by the number of distinct query words found, then by the matches, a match in the page
 * title weighing most and one in the section heading more than one in the text, then in the
 * order of the pages.
 */
export function searchHelp(index: SearchIndex, query: string, limit = 50): SearchResult[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const scored = index.entries.flatMap((entry, position) => {
    let distinct = 0;
    let hits = 0;
    for (const term of terms) {
      const inHeading = occurrences(entry.foldedHeading.text, term).length;
      const inText = occurrences(entry.foldedText.text, term).length;
      const inTitle = occurrences(entry.foldedTitle.text, term).length;
      if (inHeading + inText > 0) distinct += 1;
      hits += inTitle * 20 + inHeading * 10 + inText;
    }
    return distinct === 0 ? [] : [{ entry, position, score: distinct * 1000 + hits }];
  });
  scored.sort((a, b) => b.score - a.score || a.position - b.position);
  return scored.slice(0, limit).map(({ entry, score }) => ({
    pageSlug: entry.pageSlug,
    pageTitle: entry.pageTitle,
    heading: entry.heading,
    anchor: entry.anchor,
    href: `/aide/${entry.pageSlug}${entry.anchor ? `#${entry.anchor}` : ""}`,
    score,
    snippet: snippet(entry.text, entry.foldedText, terms),
  }));
}

const SNIPPET_LENGTH = 180;
const CONTEXT_BEFORE = 50;

function snippet(text: string, folded: FoldedText, terms: readonly string[]): SnippetPart[] {
  const ranges = mergeRanges(
    terms.flatMap((term) =>
      occurrences(folded.text, term).map((at) => ({ start: folded.starts[at] ?? 0, end: folded.ends[at + term.length - 1] ?? text.length })),
    ),
  );
  const first = ranges[0];
  let start = 0;
  if (first && first.start > CONTEXT_BEFORE) {
    // Start at a word boundary, about CONTEXT_BEFORE characters before the first match.
    const space = text.indexOf(" ", first.start - CONTEXT_BEFORE);
    start = space >= 0 && space < first.start ? space + 1 : first.start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start && (!first || space >= first.end)) end = space;
  }

  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const range of ranges) {
    if (range.start >= end) break;
    if (range.start < cursor) continue;
    if (range.start > cursor) parts.push({ text: text.slice(cursor, range.start), match: false });
    parts.push({ text: text.slice(range.start, Math.min(range.end, end)), match: true });
    cursor = Math.min(range.end, end);
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  if (start > 0) parts.unshift({ text: "… ", match: false });
  if (end < text.length) parts.push({ text: " …", match: false });
  return parts.filter((part) => part.text !== "");
}

function mergeRanges(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Positions where `term` starts a word of `text` (both folded). */
function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !WORD_CHARACTER.test(text.charAt(at - 1))) found.push(at);
  }
  return found;
}

/** Lower case without accents, remembering where each folded character comes from. */
function fold(original: string): FoldedText {
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const character of original) {
    const folded = foldAccents(character);
    for (let k = 0; k < folded.length; k += 1) {
      starts.push(index);
      ends.push(index + character.length);
    }
    text += folded;
    index += character.length;
  }
  return { text, starts, ends };
}
