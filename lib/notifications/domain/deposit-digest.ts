/**
 * How centre agents hear of new deposits by email, and the content of the daily digest. Pure: the
 * job that sends it is lib/notifications/deposit-digest.ts. The in-app notification of each
 * deposit comes whatever the choice.
 */
import { formatLongDate, parisDay, parisMidnight } from "@/lib/shared/dates";
import { countOf, plural } from "@/lib/shared/text";

export const DEPOSIT_EMAIL_CHOICES = ["EACH_DEPOSIT", "DAILY_DIGEST", "NONE"] as const;
export type DepositEmailChoice = (typeof DEPOSIT_EMAIL_CHOICES)[number];

/**
 * The default, DAILY_DIGEST: at a centre's peaks (the weeks before a jury) one email per deposit
 * buries everything else in the agents' mailboxes, while the queue and the in-app notifications
 * already show each deposit as it comes; one email a morning tells what arrived the day before.
 */
export const DEFAULT_DEPOSIT_EMAILS: DepositEmailChoice = "DAILY_DIGEST";

export const DEPOSIT_EMAIL_LABELS: Record<DepositEmailChoice, string> = {
  EACH_DEPOSIT: "Recevoir un courriel à chaque dépôt",
  DAILY_DIGEST: "Un récapitulatif quotidien",
  NONE: "Aucun courriel",
};

export const DEPOSIT_EMAIL_HINTS: Record<DepositEmailChoice, string> = {
  EACH_DEPOSIT: "Un courriel dès qu'un auditeur de votre centre dépose une demande.",
  DAILY_DIGEST: "Chaque matin, un seul courriel listant les demandes déposées la veille (aucun s'il n'y en a pas eu).",
  NONE: "Les nouvelles demandes restent visibles dans la liste du centre et dans vos notifications.",
};

/** Whether a deposit is emailed to an agent at once. */
export function emailsEachDeposit(choice: DepositEmailChoice): boolean {
  return choice === "EACH_DEPOSIT";
}

/** The Paris calendar day a digest sent at `at` lists: the day before (« 2026-11-29 » on the 30th). */
export function digestDay(at: Date): string {
  return parisDay(new Date(parisMidnight(parisDay(at)).getTime() - 1));
}

/**
 * How long a digest's claim (its DepositDigest row) is kept: it only stops a second run for the
 * same day, and a run only ever sends the day before its own time, so a month covers any outage.
 */
export const DIGEST_CLAIMS_KEPT_DAYS = 31;

/** The oldest digest day whose claim is kept when the digest of `day` is sent ("2026-10-30" for "2026-11-30"). */
export function oldestKeptClaimDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DIGEST_CLAIMS_KEPT_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/** The instants bounding a Paris calendar day: [from, to). */
export function dayBounds(day: string): { from: Date; to: Date } {
  return { from: parisMidnight(day), to: parisMidnight(day, 1) };
}

export type DigestDeposit = {
  id: string;
  number: string;
  kind: "DIPLOMA" | "EXPERIENCE";
  mode: "ANTICIPEE" | "CONJOINTE" | null;
  /** A joint analysis: its diploma request. */
  diplomaRequestId: string | null;
  diploma: { code: string | null; title: string };
};

export type DigestEmail = { subject: string; title: string; lines: string[]; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function diplomaLabel(diploma: DigestDeposit["diploma"]): string {
  return diploma.code ? `${diploma.code} – ${diploma.title}` : diploma.title;
}

/**
 * One line per deposit, a joint analysis on its diploma request's line (« D3-2026-000123 :
 * délivrance du diplôme LG02501A – Licence…, avec l'analyse de l'expérience D3-2026-000124 »). Only
 * what the agent needs to find the request: numbers, kinds, diplomas; no learner's name.
 */
export function digestLines(deposits: readonly DigestDeposit[]): string[] {
  const listed = new Set(deposits.map((deposit) => deposit.id));
  const jointOf = new Map(deposits.filter((d) => d.diplomaRequestId && listed.has(d.diplomaRequestId)).map((d) => [d.diplomaRequestId!, d]));
  const lines: string[] = [];
  for (const deposit of deposits) {
    if (deposit.diplomaRequestId && listed.has(deposit.diplomaRequestId)) continue;
    if (deposit.kind === "DIPLOMA") {
      const joint = jointOf.get(deposit.id);
      lines.push(`${deposit.number} : délivrance du diplôme ${diplomaLabel(deposit.diploma)}${joint ? `, avec l'analyse de l'expérience ${joint.number}` : ""}`);
    } else {
      const what = deposit.mode === "ANTICIPEE" ? "analyse anticipée de l'expérience" : "analyse de l'expérience";
      lines.push(`${deposit.number} : ${what} pour le diplôme ${diplomaLabel(deposit.diploma)}`);
    }
  }
  return lines;
}

/**
 * The digest of one agent for one day, or null when nothing was deposited (no email then). The
 * count is of requests (a diploma request and its joint analysis are two), the list of lines.
 */
export function buildDepositDigest(input: { displayName: string; centreName: string; day: string; deposits: readonly DigestDeposit[]; queueUrl: string }): DigestEmail | null {
  if (input.deposits.length === 0) return null;
  const count = input.deposits.length;
  const date = formatLongDate(parisMidnight(input.day));
  const lines = digestLines(input.deposits);
  const title = `${countOf(count, "demande")} ${plural(count, "déposée")} le ${date}`;
  const intro = `${count === 1 ? "Une demande a été déposée" : `${countOf(count, "demande")} ont été déposées`} le ${date} dans votre centre (${input.centreName}) :`;
  const outro = "Pour les instruire, ouvrez la liste des demandes du centre.";
  const text = [`Bonjour ${input.displayName},`, intro, lines.map((line) => `- ${line}`).join("\n"), outro, `Ouvrir la liste : ${input.queueUrl}`, RECEIVING].join("\n\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#111827;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
<p>${escapeHtml(`Bonjour ${input.displayName},`)}</p>
<p>${escapeHtml(intro)}</p>
<ul>
${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("\n")}
</ul>
<p>${escapeHtml(outro)}</p>
<p><a href="${escapeHtml(input.queueUrl)}" style="display:inline-block;padding:10px 16px;background:#1e3a8a;color:#ffffff;text-decoration:none;border-radius:4px">Ouvrir la liste des demandes</a></p>
<p style="font-size:13px;color:#374151">${escapeHtml(RECEIVING)}</p>
<p style="font-size:13px;color:#374151">Ce message est envoyé automatiquement par D3, le service de demandes de diplôme du Cnam. Merci de ne pas y répondre.</p>
</body></html>`;
  return { subject: `D3 – Récapitulatif : ${title}`, title, lines, text, html };
}

const RECEIVING = "Vous recevez ce récapitulatif une fois par jour ; pour le changer, ouvrez « Mes courriels » dans l'espace du centre.";
