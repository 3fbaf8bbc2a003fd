/**
 * Diploma numbers, given at edition. The format is a setting (DIPLOMA_NUMBER_FORMAT) made of
 * literal text and placeholders:
 *
 * - `{year}`   the year of edition, four digits (2026);
 * - `{yy}`     the same year, two digits (26);
 * - `{seq}`    the sequence number within the series, without padding (42);
 * - `{seq:N}`  the same, left-padded with zeros to N digits, N from 1 to 12 (`{seq:6}` → 000042);
 *              a sequence longer than N digits is written in full, never cut.
 *
 * Exactly one `{seq}` or `{seq:N}` is required (it is what makes numbers differ). Default:
 * `{year}-{seq:6}` → "2026-000042". Literal text may use letters, digits, spaces and `-_/.#°`;
 * braces only as placeholders.
 *
 * The series, whose counter gives the sequence, is the year when the format shows the year
 * (numbering restarts each year), and one single series otherwise: a format without the year
 * must never restart, or numbers would repeat.
 */

export const DEFAULT_DIPLOMA_NUMBER_FORMAT = "{year}-{seq:6}";

type Token = { type: "text"; text: string } | { type: "year" } | { type: "yy" } | { type: "seq"; width: number | null };

export type ParsedFormat = { ok: true; tokens: Token[]; showsYear: boolean } | { ok: false; message: string };

const PLACEHOLDER = /\{([^{}]*)\}/g;
const LITERAL = /^[\p{L}\p{N} \-_/.#°]*$/u;

export function parseDiplomaNumberFormat(format: string): ParsedFormat {
  if (typeof format !== "string" || format.trim() === "") return { ok: false, message: "Le format du numéro de diplôme est vide." };
  if (format.length > 64) return { ok: false, message: "Le format du numéro de diplôme dépasse 64 caractères." };
  const tokens: Token[] = [];
  let position = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    const literal = format.slice(position, match.index);
    if (!LITERAL.test(literal)) return { ok: false, message: `Texte non autorisé dans le format du numéro de diplôme : « ${literal} ».` };
    if (literal) tokens.push({ type: "text", text: literal });
    const token = placeholder(match[1] ?? "");
    if (!token) return { ok: false, message: `Élément inconnu dans le format du numéro de diplôme : « ${match[0]} ».` };
    tokens.push(token);
    position = (match.index ?? 0) + match[0].length;
  }
  const rest = format.slice(position);
  if (!LITERAL.test(rest)) return { ok: false, message: `Texte non autorisé dans le format du numéro de diplôme : « ${rest} ».` };
  if (rest) tokens.push({ type: "text", text: rest });
  const sequences = tokens.filter((token) => token.type === "seq").length;
  if (sequences !== 1) return { ok: false, message: "Le format du numéro de diplôme doit contenir exactement un {seq} (ou {seq:N})." };
  return { ok: true, tokens, showsYear: tokens.some((token) => token.type === "year" || token.type === "yy") };
}

function placeholder(name: string): Token | null {
  if (name === "year") return { type: "year" };
  if (name === "yy") return { type: "yy" };
  if (name === "seq") return { type: "seq", width: null };
  const padded = /^seq:(\d{1,2})$/.exec(name);
  if (!padded) return null;
  const width = Number(padded[1]);
  return width >= 1 && width <= 12 ? { type: "seq", width } : null;
}

function validFormat(format: string): Extract<ParsedFormat, { ok: true }> {
  const parsed = parseDiplomaNumberFormat(format);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

/** The counter a number is drawn from: the year, or "ALL" when the format does not show the year. */
export function diplomaNumberSeries(format: string, year: number): string {
  return validFormat(format).showsYear ? String(year) : "ALL";
}

/** The number for a year and a sequence (from 1). Throws on an invalid format: a configuration error. */
export function formatDiplomaNumber(format: string, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Année invalide : ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Numéro d'ordre invalide : ${sequence}`);
  return validFormat(format)
    .tokens.map((token) => {
      switch (token.type) {
        case "text":
          return token.text;
        case "year":
          return String(year);
        case "yy":
          return String(year % 100).padStart(2, "0");
        case "seq":
          return token.width === null ? String(sequence) : String(sequence).padStart(token.width, "0");
      }
    })
    .join("");
}
