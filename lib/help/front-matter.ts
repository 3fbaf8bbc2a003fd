import { z } from "zod";

/** What every help page declares at its top, between two `---` lines. */
export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, "title : le titre de la page est obligatoire."),
  description: z.string().trim().min(1, "description : une phrase qui résume la page est obligatoire."),
  order: z.coerce.number().int("order : un nombre entier (position dans la liste des pages)."),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type ParsedPageSource = { ok: true; frontMatter: FrontMatter; body: string } | { ok: false; message: string };

/**
 * Reads `clé: valeur` lines (one line each, optional quotes), the only form the help pages need: a
 * centre proposing a change edits plain text, not YAML with its pitfalls.
 */
export function parseFrontMatter(source: string): ParsedPageSource {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { ok: false, message: "La page doit commencer par un bloc --- title / description / order ---." };
  const fields: Record<string, string> = {};
  for (const line of (match[1] ?? "").split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const field = /^([a-z]+)\s*:\s*(.*)$/.exec(line.trim());
    if (!field) return { ok: false, message: `Ligne d'en-tête illisible : « ${line.trim()} » (attendu : clé: valeur).` };
    fields[field[1] ?? ""] = unquote((field[2] ?? "").trim());
  }
  const parsed = frontMatterSchema.safeParse(fields, { error: z.locales.fr().localeError });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  return { ok: true, frontMatter: parsed.data, body: source.slice(match[0].length) };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? "") : value;
}
