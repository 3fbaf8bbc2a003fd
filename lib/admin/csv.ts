/**
 * A small RFC 4180 reader: fields separated by `;` or `,`, optionally quoted with `"` (a quote in a
 * quoted field is doubled), records ended by CRLF or LF, a UTF-8 byte order mark ignored. Each
 * record keeps the line of the file it starts on, so that errors can name it.
 */

export type CsvRecord = { line: number; fields: string[] };

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const BOM = "\uFEFF";

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The separator of the header line: the one of `;` and `,` that occurs more often outside quotes. */
export function detectSeparator(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of stripBom(text)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ";") semicolons++;
    else if (!quoted && char === ",") commas++;
  }
  return commas > semicolons ? "," : ";";
}

export function parseCsv(input: string, separator: ";" | "," = detectSeparator(input)): CsvParse {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  // True once the current field started with a quote and that quote was closed.
  let closed = false;

  const endField = () => {
    fields.push(field);
    field = "";
    closed = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty field) is no record.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          closed = true;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === separator) endField();
    else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (closed) {
      return { ok: false, line, message: "caractère après un guillemet fermant ; doublez les guillemets à l'intérieur d'un champ entre guillemets" };
    } else if (char === '"' && field === "") quoted = true;
    else if (char === '"') return { ok: false, line, message: "guillemet au milieu d'un champ ; mettez le champ entre guillemets et doublez le guillemet" };
    else field += char;
  }
  if (quoted) return { ok: false, line: recordLine, message: "guillemet ouvrant jamais refermé" };
  if (field !== "" || fields.length > 0 || closed) endRecord();
  return { ok: true, records };
}
