import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { isProduction } from "@/lib/shared/env";

export type OutgoingEmail = { to: string; subject: string; text: string; html: string };

export interface MailSender {
  /** `messageId` (with its angle brackets) replaces the one nodemailer would make up. */
  send(email: OutgoingEmail & { messageId?: string }): Promise<void>;
}

const from = () => process.env.MAIL_FROM || "D3 – Cnam <no-reply@d3.localhost>";

/** SMTP settings from the environment (SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD). */
function smtpSender(): MailSender {
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT || 587),
    secure: process.env.SMTP_SECURE === "true",
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email) {
      await transport.sendMail({ from: from(), ...email });
    },
  };
}

export const DEV_MAIL_DIR = path.join(".data", "mail");

/**
 * Development without SMTP: each email is kept as a real message file (.eml) with a JSON summary
 * in .data/mail/, listed at /dev/courriels. Never used in production, where SMTP is required.
 */
function folderSender(dir: string): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(email) {
      const info = await transport.sendMail({ from: from(), ...email });
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;
      await writeFile(path.join(dir, `${name}.eml`), info.message as Buffer);
      await writeFile(path.join(dir, `${name}.json`), JSON.stringify({ ...email, date: new Date().toISOString() }, null, 2));
    },
  };
}

export function mailSender(): MailSender {
  if (process.env.SMTP_HOST) return smtpSender();
  if (isProduction()) {
    return {
      async send() {
        throw new Error("SMTP_HOST n'est pas défini : les courriels restent dans la file d'envoi.");
      },
    };
  }
  return folderSender(process.env.MAIL_DIR || DEV_MAIL_DIR);
}
