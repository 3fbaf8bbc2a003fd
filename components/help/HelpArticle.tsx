/**
 * The body of a help page. `html` comes from lib/help/markdown.ts, whose parser has raw HTML off
 * and only lets safe link addresses through, so it is safe to insert as is.
 */
const PROSE = [
  "leading-7 [overflow-wrap:anywhere]",
  "[&_h2]:mt-10 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-6 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-semibold",
  "[&_h2]:scroll-mt-4 [&_h3]:scroll-mt-4 [&_h4]:scroll-mt-4 [&_:target]:rounded [&_:target]:bg-amber-100 [&_:target]:px-1",
  "[&_h2>a]:text-ink [&_h3>a]:text-ink [&_h4>a]:text-ink [&_h2>a]:no-underline [&_h3>a]:no-underline [&_h4>a]:no-underline [&_h2>a:hover]:underline [&_h3>a:hover]:underline [&_h4>a:hover]:underline",
  "[&_p]:mt-3 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:mt-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:mt-1",
  // Nested lists: closer to their item, and a different bullet so the level shows.
  "[&_li>ul]:mt-1 [&_li>ol]:mt-1 [&_li_ul]:list-[circle] [&_li>p:first-child]:mt-0",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.95em]",
  "[&_pre]:mt-3 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3 [&_pre]:leading-6 [&_pre_code]:p-0",
  // A wide table scrolls on its own instead of widening the page.
  "[&_table]:mt-4 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:border-collapse [&_table]:text-sm",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-100 [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left [&_th]:font-semibold [&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top",
  "[&_blockquote]:mt-4 [&_blockquote]:rounded [&_blockquote]:border-l-4 [&_blockquote]:border-brand-700 [&_blockquote]:bg-white [&_blockquote]:px-4 [&_blockquote]:py-1 [&_blockquote]:pb-3",
].join(" ");

export function HelpArticle({ html }: { html: string }) {
  return <div className={PROSE} dangerouslySetInnerHTML={{ __html: html }} />;
}
