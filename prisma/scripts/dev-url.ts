/**
 * The port `npm run dev` serves on and the NEXTAUTH_URL that goes with it. NextAuth's redirects and
 * the links of the emails are built from NEXTAUTH_URL: a local address left at another port (an
 * old .env, a shell export) would send every link to the wrong server.
 */
export function devPort(portVariable: string | undefined, args: readonly string[]): string {
  const flag = args.findIndex((arg) => arg === "-p" || arg === "--port");
  if (flag >= 0 && args[flag + 1]) return args[flag + 1]!;
  const inline = args.find((arg) => arg.startsWith("--port="));
  if (inline) return inline.slice("--port=".length);
  return portVariable || "3000";
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A local address takes the dev server's port; a real host name (a tunnel, a proxy) is kept as set. */
export function devNextAuthUrl(configured: string | undefined, port: string): string {
  if (!configured) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    return `http://localhost:${port}`;
  }
  if (!LOCAL_HOSTS.has(url.hostname)) return configured;
  url.port = port;
  return url.toString().replace(/\/$/, "");
}
