import { downloadLabel, fileFormat, formatFileSize } from "@/lib/shared/files";

describe("formatFileSize", () => {
  it("writes bytes, kilobytes and megabytes the French way", () => {
    expect(formatFileSize(0)).toBe("0 o");
    expect(formatFileSize(812)).toBe("812 o");
    expect(formatFileSize(24 * 1024 + 100)).toBe("24 Ko");
    expect(formatFileSize(1.4 * 1024 * 1024)).toBe("1,4 Mo");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 Mo");
  });

  it("never writes « 1024 Ko »: just under a megabyte is « 1 Mo »", () => {
    expect(formatFileSize(1024 * 1024 - 10)).toBe("1 Mo");
  });
});

describe("fileFormat", () => {
  it("names the format from the MIME type, then from the extension", () => {
    expect(fileFormat("application/pdf")).toBe("PDF");
    expect(fileFormat("image/jpeg", "photo.png")).toBe("JPEG");
    expect(fileFormat("text/html; charset=utf-8")).toBe("page web");
    expect(fileFormat(null, "scan.JPG")).toBe("JPEG");
    expect(fileFormat("application/octet-stream", "notes.odt")).toBe("ODT");
    expect(fileFormat(null, "sans-extension")).toBeNull();
  });
});

describe("downloadLabel", () => {
  it("gives the name, the format and the size", () => {
    expect(downloadLabel("Récépissé", { mimeType: "application/pdf", size: 24 * 1024 })).toBe("Récépissé (PDF, 24 Ko)");
    expect(downloadLabel("attestation.pdf", { mimeType: "application/pdf", size: 120 * 1024 })).toBe("attestation.pdf (PDF, 120 Ko)");
  });

  it("leaves out what is not known", () => {
    expect(downloadLabel("attestation.pdf", {})).toBe("attestation.pdf (PDF)");
    expect(downloadLabel("Lettre", { mimeType: "application/pdf" })).toBe("Lettre (PDF)");
    expect(downloadLabel("Lettre", {})).toBe("Lettre");
  });
});
