import { safeCallbackPath } from "@/lib/auth/domain/safe-redirect";

describe("safeCallbackPath: same-site paths are kept", () => {
  test.each(["/espace", "/auditeur", "/auditeur/nouvelle-demande", "/centre/demandes/42", "/", "/aide#centres"])("%s is kept", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  test("the query string is kept", () => {
    expect(safeCallbackPath("/centre/demandes?etat=SUBMITTED&page=2")).toBe("/centre/demandes?etat=SUBMITTED&page=2");
  });

  test("a path that merely starts like /api or /connexion is kept", () => {
    expect(safeCallbackPath("/apiculture")).toBe("/apiculture");
  });
});

describe("safeCallbackPath: fallback", () => {
  test.each([null, undefined, ""])("%j gives the default fallback /espace", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/espace");
  });

  test("a custom fallback is used when given", () => {
    expect(safeCallbackPath(null, "/aide")).toBe("/aide");
    expect(safeCallbackPath("//evil.example", "/aide")).toBe("/aide");
  });
});

describe("safeCallbackPath: other sites are refused", () => {
  test.each([
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/espace"],
    ["a backslash after the slash", "/\\evil"],
    ["a backslash URL", "/\\evil.example/espace"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a JavaScript: URL in mixed case", "JavaScript:alert(document.cookie)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path without a leading slash", "espace"],
    ["a host name", "evil.example"],
    ["a backslash-only path", "\\\\evil.example"],
    ["an ftp: URL", "ftp://evil.example/x"],
    ["an http URL without slashes", "https:evil.example"],
  ])("%s (%j) gives the fallback", (_label, raw) => {
    expect(safeCallbackPath(raw)).toBe("/espace");
  });
});

describe("safeCallbackPath: absolute http(s) URLs keep only their path", () => {
  test("https://evil.example/x is reduced to /x", () => {
    expect(safeCallbackPath("https://evil.example/x")).toBe("/x");
  });

  test("an absolute URL keeps its query and fragment", () => {
    expect(safeCallbackPath("http://localhost:3000/centre/demandes?etat=X#haut")).toBe("/centre/demandes?etat=X#haut");
  });

  test("an absolute URL without a path gives /", () => {
    expect(safeCallbackPath("https://evil.example")).toBe("/");
  });

  test("the scheme is recognised in any case", () => {
    expect(safeCallbackPath("HTTPS://evil.example/x")).toBe("/x");
  });

  test("an absolute URL whose path starts with // gives the fallback", () => {
    expect(safeCallbackPath("https://evil.example//other.example/x")).toBe("/espace");
  });

  test("an absolute URL whose path starts with a backslash gives the fallback", () => {
    expect(safeCallbackPath("https://evil.example/\\other.example")).toBe("/espace");
  });

  test("an unparseable absolute URL gives the fallback", () => {
    expect(safeCallbackPath("https://")).toBe("/espace");
    expect(safeCallbackPath("http://[::1")).toBe("/espace");
  });

  test("an absolute URL pointing at /api is refused", () => {
    expect(safeCallbackPath("https://d3.example/api/auth/signout")).toBe("/espace");
  });

  test("an absolute URL pointing at /connexion is refused", () => {
    expect(safeCallbackPath("https://d3.example/connexion?callbackUrl=/x")).toBe("/espace");
  });
});

describe("safeCallbackPath: /api and /connexion are not targets", () => {
  test.each(["/api/auth/signout", "/api/x", "/connexion", "/connexion?callbackUrl=%2Fespace", "/connexion/x"])("%s gives the fallback", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/espace");
  });
});

describe("control characters", () => {
  test.each(["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\u0000x"])("%j falls back, since browsers would strip them into //evil.example", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/espace");
  });
});

describe("non-ASCII paths are percent-encoded (a redirect's Location header is ASCII)", () => {
  test.each([
    ["/aide/recherche?q=été", "/aide/recherche?q=%C3%A9t%C3%A9"],
    ["/€", "/%E2%82%AC"],
    ["/demandes/%C3%A9", "/demandes/%C3%A9"],
  ])("%s → %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});
