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
  if (value.startsWith("/api/") || value.startsWith("/connexion")) return fallback;
  return value;
}
