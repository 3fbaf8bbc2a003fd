/** @jest-environment node */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { LetterDownload, ReceiptDownload } from "@/components/documents/DocumentDownload";
import { letterContentFor, letterFor, decisionEvents } from "@/lib/requests/letters";
import { receiptContentFor, receiptPdf } from "@/lib/requests/receipt";
import { getRequestForViewer } from "@/lib/requests/queries";
import type { ActorCommand, Actor } from "@/lib/requests/transition";
import type { DocumentBlock } from "@/lib/shared/document-content";
import type { RequestEventBus } from "@/lib/shared/events";
import { formatFileSize } from "@/lib/shared/files";
import { db } from "@/lib/shared/db";
import AccessibleReceiptPage from "@/app/demandes/[id]/recepisse/version-accessible/page";
import AccessibleLetterPage from "@/app/demandes/[id]/lettres/[eventId]/version-accessible/page";
import { signIn, signOut } from "../../support/session-gate";
import { createLearner, createStaff, staffTransition, submitAnticipatedAnalysis } from "../../support/requests";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => ({
  ...jest.requireActual("../../support/next-scope").navigation,
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404", notFound: true });
  },
}));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
// @react-pdf/renderer is ESM only, which Jest's CommonJS runtime cannot load; Node itself can
// (require of ES modules), so the test hands Node's own copy to the code under test.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);
// The first PDF of a file loads @react-pdf/renderer and its fonts: slower than the default 5 s on a busy machine.
jest.setTimeout(60_000);

const workDir = mkdtempSync(path.join(tmpdir(), "d3-accessible-"));
process.env.STORAGE_DIR = path.join(workDir, "uploads");
const DECIDED_AT = new Date("2026-06-02T22:15:00Z");

afterAll(async () => {
  await (globalThis as { d3RequestEvents?: RequestEventBus }).d3RequestEvents?.close();
  rmSync(workDir, { recursive: true, force: true });
});

let fileCount = 0;
function pdfFile(pdf: Buffer): string {
  const file = path.join(workDir, `document-${fileCount++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text a reader of the PDF gets, as poppler extracts it, with runs of spaces made one. */
const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", pdfFile(pdf), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

/** The fonts poppler finds in the PDF: name, and whether the file embeds it. */
function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [pdfFile(pdf)], { encoding: "utf8" }).trim().split("\n").slice(2);
  // name type encoding emb sub uni object ID: the type may hold spaces (« CID TrueType »), so read from the end.
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    return { name: columns[0]!, embedded: columns[columns.length - 5] === "yes" };
  });
}

/** The text of a web page, as a screen reader reads it: tags removed, entities decoded, runs of spaces made one. */
function htmlText(html: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'", nbsp: "\u00a0" };
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#x27|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, " ");
}

/** Every sentence a block says: what both versions must contain. */
function blockTexts(block: DocumentBlock): string[] {
  switch (block.kind) {
    case "paragraph":
      return [block.text];
    case "fields":
      return block.fields.map((field) => `${field.label} ${field.value}`);
    case "list":
      return block.items.flatMap((item) => [item.title, ...item.details]);
    case "note":
      return [block.title, block.text];
  }
}

const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

/** A page's outcome: its HTML, or Next's 404 / redirect signal; anything else is a 500. */
async function outcome(render: () => Promise<ReactElement>): Promise<{ html: string } | "notFound" | string> {
  try {
    return { html: renderToStaticMarkup(await render()) };
  } catch (error) {
    const { notFound, digest } = error as { notFound?: boolean; digest?: string };
    if (notFound) return "notFound";
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.slice("NEXT_REDIRECT;".length).split("?")[0]}`;
    throw error;
  }
}

type StaffCommand = ActorCommand extends infer C ? (C extends ActorCommand ? Omit<C, "expectedVersion"> : never) : never;

async function act(actor: Actor, requestId: string, command: StaffCommand, at?: Date) {
  const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
  const result = await staffTransition(actor, requestId, { ...command, expectedVersion: version } as ActorCommand);
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (at) {
    const last = await db.requestEvent.findFirstOrThrow({ where: { requestId }, orderBy: { id: "desc" }, select: { id: true } });
    await db.requestEvent.update({ where: { id: last.id }, data: { at } });
  }
}

/**
 * An anticipated analysis of « Łukasz Ðorđe Żółć », forwarded by his centre and given a
 * favourable opinion: a récépissé and a letter, and everyone who may or may not see them.
 */
async function decidedAnalysis() {
  const learner = await createLearner({ centreCode: "PARIS" });
  await db.learnerProfile.update({ where: { userId: learner.user.id }, data: { civility: "MONSIEUR", firstNames: "Łukasz Ðorđe", birthName: "Żółć", usageName: null, city: "Łódź" } });
  const { requestId, number } = await submitAnticipatedAnalysis(learner);
  const agent = await createStaff("AGENT_CENTRE", "PARIS");
  const otherAgent = await createStaff("AGENT_CENTRE", "LYON");
  const national = await createStaff("AGENT_NATIONAL");
  const admin = await createStaff("ADMIN");
  const stranger = await createLearner({ centreCode: "PARIS" });
  await act(agent, requestId, { type: "takeInCharge" });
  await act(agent, requestId, { type: "forward", opinion: "FAVOURABLE", comment: "Dossier complet." });
  await act(national, requestId, { type: "decideExperience", decision: { outcome: "FAVOURABLE" } }, DECIDED_AT);
  const decision = await db.requestEvent.findFirstOrThrow({ where: { requestId }, orderBy: { id: "desc" }, select: { id: true } });
  const submission = await db.requestEvent.findFirstOrThrow({ where: { requestId, toState: "SUBMITTED" }, select: { id: true } });
  return { learner, requestId, number, agent, otherAgent, national, admin, stranger: stranger.actor, eventId: decision.id, submissionEventId: submission.id };
}

let world: Awaited<ReturnType<typeof decidedAnalysis>>;
beforeAll(async () => {
  world = await decidedAnalysis();
});
afterEach(() => signOut());

describe("PDFs embed their fonts, so that every name is written", () => {
  test("the letter and the receipt embed Open Sans only, and « Łukasz Ðorđe ŻÓŁĆ » comes out of the PDF as written", async () => {
    const letter = await letterFor(world.learner.actor, world.requestId, world.eventId);
    const receipt = await receiptPdf(world.learner.actor, world.requestId);
    for (const pdf of [letter!.pdf, receipt!.pdf]) {
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toEqual({ name: expect.stringMatching(/OpenSans/), embedded: true });
      }
      const text = pdfText(pdf);
      expect(text).toContain("Monsieur Łukasz Ðorđe ŻÓŁĆ");
    }
    expect(pdfText(letter!.pdf)).toContain("Łódź");
  });
});

describe("the accessible versions say what the PDFs say", () => {
  test("récépissé: every sentence of its content is in the PDF and on the web page, under headings, in lists", async () => {
    const found = await receiptContentFor(world.learner.actor, world.requestId);
    const pdf = pdfText((await receiptPdf(world.learner.actor, world.requestId))!.pdf);
    await signIn(world.learner.user.id);
    const page = await outcome(() => AccessibleReceiptPage(params({ id: world.requestId })));
    if (typeof page === "string") throw new Error(page);
    const html = htmlText(page.html);
    const { content } = found!;
    for (const text of [content.title, content.issuer, content.footer, ...content.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockTexts)])]) {
      expect(pdf).toContain(text.replace(/\s+/g, " "));
      expect(html).toContain(text.replace(/\s+/g, " "));
    }
    expect(html).toContain("Monsieur Łukasz Ðorđe ŻÓŁĆ");
    expect(page.html).toMatch(/<h1 id="document-title"[^>]*>Récépissé de dépôt<\/h1>/);
    expect(page.html.match(/<h2 /g)?.length).toBe(content.sections.length);
    expect(page.html).toContain("<ol");
    expect(page.html).toContain("<dl");
    expect(page.html).toContain(`href="/demandes/${world.requestId}/recepisse"`);
    expect(page.html).toContain(`Télécharger le récépissé (PDF, ${formatFileSize(found!.pdfSize)})`);
  });

  test("letter: the same sentences as its PDF, the subject as the page's heading", async () => {
    const found = await letterContentFor(world.learner.actor, world.requestId, world.eventId);
    const pdf = pdfText((await letterFor(world.learner.actor, world.requestId, world.eventId))!.pdf);
    await signIn(world.learner.user.id);
    const page = await outcome(() => AccessibleLetterPage(params({ id: world.requestId, eventId: String(world.eventId) })));
    if (typeof page === "string") throw new Error(page);
    const html = htmlText(page.html);
    const { content } = found!;
    const sentences = [
      content.sender.name,
      ...content.sender.lines,
      ...content.recipient!,
      content.dateLine,
      ...content.references.map((field) => `${field.label} ${field.value}`),
      content.subjectLine,
      ...content.body.flatMap(blockTexts),
      content.signature.body,
      content.signature.name,
      content.signature.title,
      content.appeal ?? "",
      content.footer,
    ];
    for (const text of sentences) {
      expect(pdf).toContain(text.replace(/\s+/g, " "));
      expect(html).toContain(text.replace(/\s+/g, " "));
    }
    expect(content.body.flatMap(blockTexts).join(" ")).toContain("il a rendu un avis favorable");
    expect(page.html).toContain(`<h1 id="document-title" class="text-2xl font-bold">${content.title.replace(/'/g, "&#x27;")}</h1>`);
    expect(page.html).toContain("<address");
    expect(page.html).toContain(`Télécharger le courrier (PDF, ${formatFileSize(found!.pdfSize)})`);
  });
});

describe("the accessible versions have the PDFs' readers, and only them", () => {
  const receiptPage = (id: string) => outcome(() => AccessibleReceiptPage(params({ id })));
  const letterPage = (id: string, eventId: string | number) => outcome(() => AccessibleLetterPage(params({ id, eventId: String(eventId) })));
  const rendered = expect.objectContaining({ html: expect.any(String) });

  test("the learner who owns the request, an agent of its centre and the national level read both", async () => {
    for (const viewer of [world.learner.actor.id, world.agent.id, world.national.id]) {
      await signIn(viewer);
      expect(await receiptPage(world.requestId)).toEqual(rendered);
      expect(await letterPage(world.requestId, world.eventId)).toEqual(rendered);
    }
  });

  test("another learner, an agent of another centre and the administrator get a 404, as for the PDF", async () => {
    for (const viewer of [world.stranger, world.otherAgent, world.admin]) {
      await signIn(viewer.id);
      expect(await receiptPage(world.requestId)).toBe("notFound");
      expect(await letterPage(world.requestId, world.eventId)).toBe("notFound");
      expect(await receiptPdf(viewer, world.requestId)).toBeNull();
      expect(await letterFor(viewer, world.requestId, world.eventId)).toBeNull();
    }
  });

  test("guessed ids: a request that does not exist, an event that is not a decision, a decision of another request", async () => {
    const other = await decidedAnalysis();
    await signIn(world.learner.actor.id);
    expect(await receiptPage("clx0000000000000000000000")).toBe("notFound");
    expect(await letterPage("clx0000000000000000000000", world.eventId)).toBe("notFound");
    expect(await letterPage(world.requestId, world.submissionEventId)).toBe("notFound");
    expect(await letterPage(world.requestId, other.eventId)).toBe("notFound");
    expect(await letterPage(other.requestId, other.eventId)).toBe("notFound");
    expect(await letterPage(world.requestId, "1e3")).toBe("notFound");
    expect(await letterPage(world.requestId, "a\u0000b")).toBe("notFound");
    expect(await receiptPage("a\u0000b")).toBe("notFound");
  });

  test("anonymous: sent to the login page", async () => {
    signOut();
    expect(await receiptPage(world.requestId)).toBe("redirect /connexion");
    expect(await letterPage(world.requestId, world.eventId)).toBe("redirect /connexion");
  });
});

describe("download links say format and size, and offer the accessible version beside the PDF", () => {
  test("the récépissé's and the letter's links give the size of the very PDF the link downloads", async () => {
    const found = await getRequestForViewer(world.learner.actor, world.requestId);
    const receiptSize = (await receiptPdf(world.learner.actor, world.requestId))!.pdf.byteLength;
    const receiptLink = renderToStaticMarkup((await ReceiptDownload({ request: found!.request, linked: found!.linked }))!);
    expect(htmlText(receiptLink)).toContain(`Récépissé de dépôt (PDF, ${formatFileSize(receiptSize)})`);
    expect(receiptLink).toContain(`href="/demandes/${world.requestId}/recepisse/version-accessible"`);
    expect(htmlText(receiptLink)).toContain("Version accessible (page web) du récépissé");

    const [entry] = decisionEvents(found!.request);
    const letterSize = (await letterFor(world.learner.actor, world.requestId, world.eventId))!.pdf.byteLength;
    const letterLink = renderToStaticMarkup(await LetterDownload({ request: found!.request, letter: entry! }));
    expect(htmlText(letterLink)).toContain(`Avis favorable du jury (PDF, ${formatFileSize(letterSize)})`);
    expect(letterLink).toContain(`href="/demandes/${world.requestId}/lettres/${world.eventId}/version-accessible"`);
  });
});
