/**
 * @jest-environment node
 *
 * Issue 14, findings 7 and 8: client input never reaches PostgreSQL or a string method unchecked.
 * Pages and route handlers are called as Next calls them (params and searchParams as promises,
 * a repeated query parameter as a list), server actions as the browser calls them, through the real
 * session gate and database. Before the one input layer (lib/shared/params.ts, the sanitising step
 * of lib/auth/define-action.ts), each case below threw (HTTP 500) or answered UNEXPECTED.
 */
import { GET as documentGet } from "@/app/documents/[id]/route";
import { GET as stateGet } from "@/app/api/demandes/[id]/etat/route";
import { GET as nationalExport } from "@/app/national/export/route";
import { GET as receiptGet } from "@/app/demandes/[id]/recepisse/route";
import { GET as letterGet } from "@/app/demandes/[id]/lettres/[eventId]/route";
import LoginPage from "@/app/connexion/page";
import NewPasswordPage from "@/app/mot-de-passe/nouveau/page";
import NotificationsPage from "@/app/notifications/page";
import NewRequestPage from "@/app/auditeur/nouvelle-demande/page";
import DiplomaEligibilityPage from "@/app/auditeur/nouvelle-demande/[diploma]/page";
import RequestPage from "@/app/demandes/[id]/page";
import CentreRequestPage from "@/app/centre/demandes/[id]/page";
import JournalPage from "@/app/admin/journal/page";
import NationalPage from "@/app/national/page";
import HelpSearchPage from "@/app/aide/recherche/page";
import { markAllReadFormAction } from "@/lib/notifications/actions";
import { postMessageAction, resubmitRequestAction, saveExperienceAction, startRequestAction, uploadDocumentAction } from "@/lib/requests/actions";
import { requestPasswordResetAction } from "@/lib/auth/actions";
import { MAX_COMMENT_LENGTH } from "@/lib/requests/schemas";
import { db } from "@/lib/shared/db";
import { signIn, signInAs } from "../../support/session-gate";
import { createStaff, insertDiplomaRequests, staffTransition, submitJointDiplomaRequest } from "../../support/requests";

jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => ({
  ...jest.requireActual("../../support/next-scope").navigation,
  notFound: () => {
    throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404", notFound: true });
  },
}));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
// @react-pdf/renderer is ESM only (the request page imports the letters): loaded by Node itself, as in letters.test.ts.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const query = (value: Record<string, string | string[]>) => ({ searchParams: Promise.resolve(value) });
/** A page's outcome: rendered (its element), or Next's 404 / redirect signal; anything else is a 500. */
async function outcome(render: () => Promise<unknown>): Promise<"rendered" | "notFound" | string> {
  try {
    await render();
    return "rendered";
  } catch (error) {
    const { notFound, digest } = error as { notFound?: boolean; digest?: string };
    if (notFound) return "notFound";
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.slice("NEXT_REDIRECT;".length)}`;
    throw error;
  }
}

const NUL = "a\u0000b";

describe("repeated query parameters take their first value", () => {
  test("/connexion?callbackUrl=a&callbackUrl=b: the login page renders (signed in: sent to the first value)", async () => {
    expect(await outcome(() => LoginPage(query({ callbackUrl: ["/aide", "/centre"] })))).toBe("rendered");
    await signInAs("AGENT_CENTRE");
    expect(await outcome(() => LoginPage(query({ callbackUrl: ["/aide", "/centre"] })))).toBe("redirect /aide");
  });

  test("/mot-de-passe/nouveau?jeton=a&jeton=b: an unusable link, not an error", async () => {
    expect(await outcome(() => NewPasswordPage(query({ jeton: ["abc", "def"] })))).toBe("rendered");
  });

  test("/auditeur/nouvelle-demande?q=a&q=b, /notifications?avant=a&avant=b, /aide/recherche?q=a&q=b", async () => {
    await signInAs("AUDITEUR");
    expect(await outcome(() => NewRequestPage(query({ q: ["licence", "master"] })))).toBe("rendered");
    expect(await outcome(() => NotificationsPage(query({ avant: ["x", "y"] })))).toBe("rendered");
    expect(await outcome(() => HelpSearchPage(query({ q: ["pièce", "délai"] })))).toBe("rendered");
  });
});

describe("a non-ASCII callbackUrl is sent percent-encoded (a Location header is ASCII)", () => {
  test.each([
    ["/aide/recherche?q=été", "/aide/recherche?q=%C3%A9t%C3%A9"],
    ["/€", "/%E2%82%AC"],
  ])("%s → %s", async (callbackUrl, location) => {
    await signInAs("AUDITEUR");
    expect(await outcome(() => LoginPage(query({ callbackUrl })))).toBe(`redirect ${location}`);
  });
});

describe("a NUL byte or a broken character in a path id or a query parameter never reaches PostgreSQL", () => {
  test("pages: 404 for an id, the parameter ignored for a filter", async () => {
    await signInAs("AUDITEUR");
    expect(await outcome(() => RequestPage(params({ id: NUL })))).toBe("notFound");
    expect(await outcome(() => DiplomaEligibilityPage(params({ diploma: "%E9" })))).toBe("notFound");
    expect(await outcome(() => DiplomaEligibilityPage(params({ diploma: "%00" })))).toBe("notFound");
    expect(await outcome(() => NewRequestPage(query({ q: NUL })))).toBe("rendered");
    expect(await outcome(() => NotificationsPage(query({ avant: NUL })))).toBe("rendered");
    expect(await outcome(() => NewPasswordPage(query({ jeton: NUL })))).toBe("rendered");

    await signInAs("AGENT_CENTRE");
    expect(await outcome(() => CentreRequestPage(params({ id: NUL })))).toBe("notFound");
    await signInAs("AGENT_NATIONAL");
    expect(await outcome(() => NationalPage(query({ centre: NUL, q: NUL, diploma: NUL })))).toBe("rendered");
    await signInAs("ADMIN");
    expect(await outcome(() => JournalPage(query({ acteur: NUL, demande: NUL })))).toBe("rendered");
  });

  test("route handlers: 404", async () => {
    await signInAs("AUDITEUR");
    expect((await documentGet(new Request("http://localhost/documents/x"), params({ id: NUL }))).status).toBe(404);
    expect((await stateGet(new Request("http://localhost/api/demandes/x/etat"), params({ id: NUL }))).status).toBe(404);
    expect((await receiptGet(new Request("http://localhost/demandes/x/recepisse"), params({ id: NUL }))).status).toBe(404);
    expect((await letterGet(new Request("http://localhost/demandes/x/lettres/y"), params({ id: "x", eventId: NUL }))).status).toBe(404);
  });

  test("the national CSV export is whole: a NUL in a filter drops that filter instead of cutting the stream", async () => {
    await insertDiplomaRequests(2, "FORWARDED");
    await signInAs("AGENT_NATIONAL");
    const whole = await (await nationalExport(new Request("http://localhost/national/export"))).text();
    for (const filter of ["centre", "q", "diploma"]) {
      const response = await nationalExport(new Request(`http://localhost/national/export?${filter}=%00`));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(whole);
    }
    expect(whole.trim().split("\r\n").length).toBeGreaterThanOrEqual(3);
  });
});

describe("server actions: a field message, or a typed error, never UNEXPECTED", () => {
  test("a NUL byte or a lone surrogate in a text field is a field message", async () => {
    await signInAs("AUDITEUR");
    expect(await postMessageAction({ requestId: NUL, body: "Bonjour" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { requestId: expect.stringContaining("caractère non autorisé") } });
    expect(await postMessageAction({ requestId: "r", body: "Bon\u0000jour" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { body: expect.stringContaining("caractère non autorisé") } });
    expect(await startRequestAction({ kind: "DIPLOMA", diplomaKey: NUL })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { diplomaKey: expect.any(String) } });
    expect(await saveExperienceAction({ requestId: "r", values: { employer: "\ud800" } })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { values: expect.any(String) } });
    const form = new FormData();
    form.set("requestId", "r");
    form.set("category", "CV");
    form.set("file", new File(["%PDF-1.4"], "cv\u0000.pdf", { type: "application/pdf" }));
    expect(await uploadDocumentAction(form)).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { file: expect.any(String) } });
    expect(await requestPasswordResetAction({ identifier: "jean.dupont\u0000.auditeur" })).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { identifier: expect.any(String) } });
  });

  test("a body that is neither a form nor an object is a typed error", async () => {
    await signInAs("AUDITEUR");
    for (const body of ["texte", 42, ["a"], new Date(), new Blob(["x"])]) {
      expect(await postMessageAction(body as never)).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringContaining("rechargez la page") });
    }
    // A form action called with something else than a form: answered, not thrown.
    await expect(markAllReadFormAction("texte" as never)).resolves.toBeUndefined();
  });

  test("a 500 000-character resubmission comment is refused with a clear message, and not stored", async () => {
    const { user, requestId } = await submitJointDiplomaRequest();
    const agent = await createStaff("AGENT_CENTRE", "PARIS");
    expect((await staffTransition(agent, requestId, { type: "takeInCharge", expectedVersion: 2 })).ok).toBe(true);
    expect((await staffTransition(agent, requestId, { type: "askForCorrection", comment: "Il manque l'attestation.", expectedVersion: 3 })).ok).toBe(true);
    await signIn(user.id);
    const result = await resubmitRequestAction({ requestId, version: 4, comment: "x".repeat(500_000) });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { comment: expect.stringContaining(`${MAX_COMMENT_LENGTH.toLocaleString("fr-FR")} caractères au plus`) } });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { state: true } })).toEqual({ state: "CORRECTION_REQUESTED" });
    expect(await db.requestEvent.count({ where: { requestId, transition: "resubmit" } })).toBe(0);
    // Within the cap, the same resubmission goes through.
    expect(await resubmitRequestAction({ requestId, version: 4, comment: "x".repeat(MAX_COMMENT_LENGTH) })).toMatchObject({ ok: true });
  });
});
