import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = { to: string[]; raw: string };

/**
 * A real SMTP server on a free local port that keeps what it receives; `delayMs` makes it take that
 * long to accept each message (a slow relay, so that a test can act while emails are being sent).
 */
export async function startSmtpServer(
  port = 0,
  options: { delayMs?: number } = {},
): Promise<{ port: number; inbox: ReceivedEmail[]; receiving: () => number; stop: () => Promise<void> }> {
  const inbox: ReceivedEmail[] = [];
  // Messages whose content has arrived but which are not accepted yet (during `delayMs`).
  let receiving = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        receiving++;
        setTimeout(() => {
          receiving--;
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    inbox,
    receiving: () => receiving,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Undoes quoted-printable soft line breaks and =XX escapes, to read links in a raw message. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
