import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DEV_MAIL_DIR } from "@/lib/shared/mail/transport";
import { isProduction } from "@/lib/shared/env";

export const metadata: Metadata = { title: "Courriels de développement", robots: { index: false } };
export const dynamic = "force-dynamic";

type Kept = { file: string; to: string; subject: string; text: string; date: string };

async function keptEmails(dir: string): Promise<Kept[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort().reverse().slice(0, 50);
  return Promise.all(files.map(async (file) => ({ file, ...(JSON.parse(await readFile(path.join(dir, file), "utf8")) as Omit<Kept, "file">) })));
}

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/\S+)/g).map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : part))}
    </>
  );
}

/** Development only: the emails the app would have sent, kept in .data/mail when SMTP_HOST is not set. */
export default async function DevMailboxPage() {
  if (isProduction()) notFound();
  const dir = process.env.MAIL_DIR || DEV_MAIL_DIR;
  const emails = await keptEmails(dir);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Courriels de développement</h1>
      <p className="text-slate-700">
        Sans SMTP_HOST, les courriels sont conservés dans <code>{dir}</code> (fichiers .eml) au lieu d&apos;être envoyés. Les 50 plus récents :
      </p>
      {emails.length === 0 ? <p>Aucun courriel pour l&apos;instant.</p> : null}
      {emails.map((email) => (
        <article key={email.file} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{email.subject}</h2>
          <p className="text-sm text-slate-700">
            À {email.to} – {new Date(email.date).toLocaleString("fr-FR")}
          </p>
          <pre className="mt-2 whitespace-pre-wrap font-sans">
            <Linkified text={email.text} />
          </pre>
        </article>
      ))}
    </div>
  );
}
