import { checkUploadedFile, cleanFileName, detectFileType, formatSize, MAX_DOCUMENT_BYTES } from "@/lib/requests/domain/documents";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

const PDF = text("%PDF-1.7\n");
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00);

describe("detectFileType reads the type from the content", () => {
  test("PDF, PNG and JPEG are recognised by their first bytes", () => {
    expect(detectFileType(PDF)).toEqual({ mimeType: "application/pdf", extension: "pdf" });
    expect(detectFileType(PNG)).toEqual({ mimeType: "image/png", extension: "png" });
    expect(detectFileType(JPEG)).toEqual({ mimeType: "image/jpeg", extension: "jpg" });
  });

  test("anything else is unknown: executable, text, truncated signatures, nothing", () => {
    expect(detectFileType(EXE)).toBeNull();
    expect(detectFileType(text("Bonjour, voici mon CV"))).toBeNull();
    expect(detectFileType(text("%PDF"))).toBeNull();
    expect(detectFileType(PNG.slice(0, 7))).toBeNull();
    expect(detectFileType(bytes())).toBeNull();
  });
});

describe("checkUploadedFile", () => {
  test("accepts a PDF, a PNG and a JPEG whatever their names", () => {
    expect(checkUploadedFile("cv.pdf", 1200, PDF)).toEqual({ ok: true, type: { mimeType: "application/pdf", extension: "pdf" } });
    expect(checkUploadedFile("scan.png", 1200, PNG)).toMatchObject({ ok: true, type: { mimeType: "image/png" } });
    expect(checkUploadedFile("photo.jpeg", 1200, JPEG)).toMatchObject({ ok: true, type: { mimeType: "image/jpeg" } });
  });

  test("a PDF renamed .png is still a PDF", () => {
    expect(checkUploadedFile("attestation.png", 5000, PDF)).toMatchObject({ ok: true, type: { mimeType: "application/pdf" } });
  });

  test("an executable or a text file named .pdf is refused, naming the file", () => {
    const exe = checkUploadedFile("programme.exe", 5000, EXE);
    expect(exe).toMatchObject({ ok: false, message: expect.stringContaining("« programme.exe » n'est ni un PDF, ni une image JPEG ou PNG") });
    expect(checkUploadedFile("cv.pdf", 100, text("Mon CV en texte"))).toMatchObject({ ok: false, message: expect.stringContaining("« cv.pdf »") });
  });

  test("an empty file is refused", () => {
    expect(checkUploadedFile("vide.pdf", 0, bytes())).toEqual({ ok: false, message: "« vide.pdf » est vide." });
  });

  test("10 Mo exactly is accepted, one byte more is refused", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
    expect(checkUploadedFile("gros.pdf", MAX_DOCUMENT_BYTES, PDF)).toMatchObject({ ok: true });
    const tooBig = checkUploadedFile("gros.pdf", MAX_DOCUMENT_BYTES + 1, PDF);
    expect(tooBig).toMatchObject({ ok: false, message: expect.stringContaining("dépasse 10 Mo") });
  });

  test("the size is checked before the content: a huge file of the wrong type speaks of its size", () => {
    expect(checkUploadedFile("film.mp4", 50 * 1024 * 1024, bytes(0, 0, 0, 0x18))).toMatchObject({ ok: false, message: expect.stringContaining("50 Mo") });
  });
});

describe("formatSize", () => {
  test("octets, kilo-octets and mega-octets, in French", () => {
    expect(formatSize(0)).toBe("0 o");
    expect(formatSize(1023)).toBe("1023 o");
    expect(formatSize(1024)).toBe("1 Ko");
    expect(formatSize(250 * 1024)).toBe("250 Ko");
    expect(formatSize(1.5 * 1024 * 1024)).toBe("1,5 Mo");
    expect(formatSize(MAX_DOCUMENT_BYTES)).toBe("10 Mo");
  });
});

describe("cleanFileName", () => {
  test("keeps only the last part of a path, Windows or Unix", () => {
    expect(cleanFileName("C:\\Users\\zoé\\Documents\\CV Zoé.pdf")).toBe("CV Zoé.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("/tmp/")).toBe("piece");
  });

  test("removes control characters and double quotes, and trims", () => {
    expect(cleanFileName("  a\u0000b\r\nc\u007f.pdf ")).toBe("abc.pdf");
    expect(cleanFileName('attestation "finale".pdf')).toBe("attestation finale.pdf");
  });

  test("keeps accents and typographic characters, limits the length, never returns an empty name", () => {
    expect(cleanFileName("Attestation employeur – Société Générale.pdf")).toBe("Attestation employeur – Société Générale.pdf");
    expect(cleanFileName(`${"a".repeat(300)}.pdf`)).toHaveLength(150);
    expect(cleanFileName("")).toBe("piece");
    expect(cleanFileName("\u0001\u0002")).toBe("piece");
  });
});
