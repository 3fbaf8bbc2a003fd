/** Only same-site paths may be used as "back to where you wanted to go" targets. */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/espace"): string {
  // Browsers drop tabs and line breaks from URLs: "/\t/evil.example" would become "//evil.example".
  if (!raw || /[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let value = raw;
  try {
    // NextAuth may hand back an absolute URL of this site: keep only its path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      value = url.pathname + url.search + url.hash;
    }
  } catch {
    return fallback;
  }
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // A redirect's Location header is ASCII: a path as typed (« /aide/recherche?q=été », « € ») goes
  // percent-encoded, as the browser would have sent it. Resolved on a placeholder origin, anything
  // that would leave the site falls back.
  const url = new URL(value, "http://d3.invalid");
  if (url.origin !== "http://d3.invalid") return fallback;
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("/api/") || path.startsWith("/connexion")) return fallback;
  return path;
}
