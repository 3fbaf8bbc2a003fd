import "server-only";
import http from "node:http";
import { BlockList, isIP } from "node:net";
import { headers } from "next/headers";
import { PROXY_VARIABLES, readVariables, type Environment } from "@/lib/shared/env";

/**
 * The client's address, for the audit log and the login records. X-Forwarded-For is written by
 * whoever sends the request, so it is believed only as far as it was written by a proxy listed in
 * TRUSTED_PROXIES (addresses or CIDR ranges; default none).
 *
 * Next.js does not hand the connection's address to pages, actions or route handlers (it only
 * fills X-Forwarded-For with it when the request has none, which a client can pre-empt). So the
 * server stamps the connection's address on every request, in PEER_HEADER, at the Node.js HTTP
 * layer (installPeerAddressStamp, from instrumentation.ts), replacing anything a client sent under
 * that name. Then:
 * - the peer (the connection's address) is not a trusted proxy: it is the client, whatever
 *   X-Forwarded-For says;
 * - it is a trusted proxy: X-Forwarded-For is read from the right (each proxy appends the address
 *   it received from), skipping trusted proxies; the first other address is the client.
 * Without the stamp (a server where it was not installed), nothing is believed: null.
 */
export const PEER_HEADER = "x-d3-peer";

type HeaderSource = Pick<Headers, "get">;

function trustedProxies(env: Environment): BlockList | null {
  const parsed = readVariables(PROXY_VARIABLES, env);
  const value = parsed.ok ? parsed.values.TRUSTED_PROXIES : undefined;
  if (!value) return null;
  const list = new BlockList();
  for (const entry of value.split(",").map((e) => e.trim())) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string | null {
  const trimmed = address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  const plain = trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain : null;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The client's address from a request's headers (see above); null when it cannot be known. */
export function ipFromHeaders(h: HeaderSource, env: Environment = process.env): string | null {
  const peer = normalise(h.get(PEER_HEADER) ?? "");
  if (!peer) return null;
  const proxies = trustedProxies(env);
  if (!proxies || !isTrusted(proxies, peer)) return peer;
  const hops = (h.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i]!);
    // A malformed hop was not written by a proxy we trust: stop believing the header there.
    if (!hop) return i === hops.length - 1 ? peer : normalise(hops[i + 1]!);
    if (!isTrusted(proxies, hop)) return hop;
  }
  // Every hop is a trusted proxy: the leftmost is the closest we know to the client.
  return normalise(hops[0] ?? "") ?? peer;
}

/** The same, inside a server action or a server component. */
export async function clientIp(): Promise<string | null> {
  return ipFromHeaders(await headers());
}

const globalForStamp = globalThis as unknown as { d3PeerStampInstalled?: boolean };

/**
 * Stamps each HTTP request this process receives with its connection's address (PEER_HEADER),
 * before Next.js sees it; a client's own PEER_HEADER is overwritten. Called once at server start.
 */
export function installPeerAddressStamp(): void {
  if (globalForStamp.d3PeerStampInstalled) return;
  globalForStamp.d3PeerStampInstalled = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
