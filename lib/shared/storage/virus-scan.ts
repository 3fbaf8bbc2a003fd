import net from "node:net";
import { readVariables, SCANNER_VARIABLES, type Environment } from "@/lib/shared/env";

/**
 * Malware scanning of uploaded files by ClamAV's daemon (clamd), over TCP (CLAMAV_HOST, CLAMAV_PORT)
 * or its Unix socket (CLAMAV_SOCKET), with clamd's INSTREAM command.
 *
 * A small client of our own rather than an npm one: INSTREAM is four lines of protocol (a command,
 * length-prefixed chunks, a zero-length end, one reply line), and what matters here — a time limit
 * on the whole exchange, "scanner down" told apart from "infected", nothing written to disk — is
 * easier to see and test in 100 lines than through a wrapper that also shells out to clamscan.
 */

export type ScannerSettings =
  | { mode: "off" }
  | { mode: "tcp"; host: string; port: number; timeoutMs: number }
  | { mode: "socket"; path: string; timeoutMs: number };

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not give a verdict (down, unreachable, too slow, an error answer): nothing is stored. */
export class ScannerUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Virus scanner unavailable", { cause });
    this.name = "ScannerUnavailableError";
  }
}

const DEFAULT_PORT = 3310;
const DEFAULT_TIMEOUT_MS = 30_000;
// clamd's default StreamMaxLength is 25 MB; chunks of 64 KiB keep memory flat.
const CHUNK = 64 * 1024;

/**
 * The scanner's settings. Unset (no host, no socket): off — allowed in development and tests; the
 * configuration check (lib/shared/env.ts) refuses production without a scanner unless
 * CLAMAV_DISABLED=true says so on purpose.
 */
export function scannerSettings(env: Environment = process.env): ScannerSettings {
  const parsed = readVariables(SCANNER_VARIABLES, env);
  if (!parsed.ok) throw new Error(parsed.message);
  const values = parsed.values;
  if (values.CLAMAV_DISABLED === "true") return { mode: "off" };
  const timeoutMs = values.CLAMAV_TIMEOUT_MS ? Number(values.CLAMAV_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  if (values.CLAMAV_SOCKET) return { mode: "socket", path: values.CLAMAV_SOCKET, timeoutMs };
  if (values.CLAMAV_HOST) return { mode: "tcp", host: values.CLAMAV_HOST, port: values.CLAMAV_PORT ? Number(values.CLAMAV_PORT) : DEFAULT_PORT, timeoutMs };
  return { mode: "off" };
}

/** Sends one clamd command and reads its one reply (null-terminated, "z" commands). */
function exchange(settings: Exclude<ScannerSettings, { mode: "off" }>, write: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = settings.mode === "tcp" ? net.createConnection({ host: settings.host, port: settings.port }) : net.createConnection({ path: settings.path });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error: unknown, reply?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(new ScannerUnavailableError(error));
      else resolve(reply!);
    };
    const timer = setTimeout(() => finish(new Error(`clamd: no answer within ${settings.timeoutMs} ms`)), settings.timeoutMs);
    socket.on("error", (error) => finish(error));
    socket.on("data", (data) => {
      chunks.push(data);
      const all = Buffer.concat(chunks);
      const end = all.indexOf(0);
      if (end >= 0) finish(null, all.subarray(0, end).toString("utf8").trim());
    });
    socket.on("end", () => finish(null, Buffer.concat(chunks).toString("utf8").replace(/\0/g, "").trim()));
    socket.on("connect", () => {
      try {
        write(socket);
      } catch (error) {
        finish(error);
      }
    });
  });
}

/** Reads clamd's INSTREAM reply: "stream: OK", "stream: <signature> FOUND", or an error. */
export function parseScanReply(reply: string): ScanVerdict {
  const found = /^(?:stream|\d+): (.+) FOUND$/.exec(reply);
  if (found) return { clean: false, signature: found[1]! };
  if (/^(?:stream|\d+): OK$/.test(reply)) return { clean: true };
  throw new ScannerUnavailableError(new Error(`clamd: unexpected answer « ${reply.slice(0, 200)} »`));
}

/** Scans bytes with clamd. Throws ScannerUnavailableError when no verdict could be had. */
export async function scanBytes(bytes: Uint8Array, settings: Exclude<ScannerSettings, { mode: "off" }>): Promise<ScanVerdict> {
  const reply = await exchange(settings, (socket) => {
    socket.write("zINSTREAM\0");
    for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
      const chunk = bytes.subarray(offset, Math.min(offset + CHUNK, bytes.byteLength));
      const size = Buffer.alloc(4);
      size.writeUInt32BE(chunk.byteLength);
      socket.write(size);
      socket.write(chunk);
    }
    socket.write(Buffer.alloc(4));
  });
  return parseScanReply(reply);
}

/** Whether clamd answers (health page): PING → PONG. */
export async function pingScanner(settings: Exclude<ScannerSettings, { mode: "off" }>): Promise<boolean> {
  const reply = await exchange(settings, (socket) => socket.write("zPING\0"));
  return reply === "PONG";
}

/**
 * The verdict on an upload with the configured scanner; `{ clean: true }` when scanning is off.
 * Throws ScannerUnavailableError when the scanner is configured but gives no verdict.
 */
export async function scanUpload(bytes: Uint8Array, env: Environment = process.env): Promise<ScanVerdict> {
  const settings = scannerSettings(env);
  if (settings.mode === "off") return { clean: true };
  return scanBytes(bytes, settings);
}
