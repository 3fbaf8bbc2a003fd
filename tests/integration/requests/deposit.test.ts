/** @jest-environment node */
/**
 * The deposit's statement on honour (issue 13), through the server action as the browser calls it:
 * refused without it (the message for the box, nothing changes), accepted with it, and its version
 * kept in the history row of each request deposited, in the deposit's transaction.
 */
import { db } from "@/lib/shared/db";
import { submitRequestAction } from "@/lib/requests/actions";
import { HONOUR_STATEMENT } from "@/lib/requests/domain/deposit";
import { depositConfirmation } from "@/lib/requests/deposit";
import { getRequestForViewer } from "@/lib/requests/queries";
import { saveExperience, startRequest, submitRequest } from "@/lib/requests/learner-requests";
import { EXPERIENCE_INPUT, LICENCE_UNITS, addDocumentRows, createLearner } from "../../support/requests";
import { signIn } from "../../support/session-gate";

// @react-pdf/renderer is ESM only (see receipt.test.ts): Node's own copy, for the récépissé's size.
jest.mock("@react-pdf/renderer", () =>
  (jest.requireActual("node:module") as { _load(request: string): unknown })._load(require.resolve("@react-pdf/renderer")),
);
jest.mock("next-auth", () => ({ getServerSession: jest.fn(async () => jest.requireActual("../../support/next-scope").testSession()) }));
jest.mock("next/headers", () => jest.requireActual("../../support/next-scope").requestScope);
jest.mock("next/navigation", () => jest.requireActual("../../support/next-scope").navigation);
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

/** A diploma request with its joint analysis, complete, not deposited. */
async function readyDraft() {
  const learner = await createLearner({ units: LICENCE_UNITS });
  const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
  if (!started.ok) throw new Error(started.message);
  const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId } });
  expect(await saveExperience(learner.actor, started.requestId, EXPERIENCE_INPUT)).toMatchObject({ ok: true });
  await addDocumentRows(analysis.id, learner.user.id);
  const { version } = await db.request.findUniqueOrThrow({ where: { id: started.requestId } });
  return { ...learner, requestId: started.requestId, analysisId: analysis.id, version };
}

test("without the statement on honour the action refuses the deposit next to the box, and nothing changes", async () => {
  const draft = await readyDraft();
  await signIn(draft.user.id);
  const refused = { ok: false, code: "INVALID_INPUT", message: "Vérifiez les champs signalés.", fieldErrors: { certified: HONOUR_STATEMENT.missing } };
  expect(await submitRequestAction({ requestId: draft.requestId, version: draft.version, certified: false })).toEqual(refused);
  // As a hand-made request would send it: the field left out.
  expect(await submitRequestAction({ requestId: draft.requestId, version: draft.version } as never)).toEqual(refused);
  const rows = await db.request.findMany({ where: { id: { in: [draft.requestId, draft.analysisId] } }, select: { state: true, number: true, version: true } });
  expect(rows).toEqual([
    { state: "DRAFT", number: null, version: expect.any(Number) },
    { state: "DRAFT", number: null, version: expect.any(Number) },
  ]);
  expect(await db.requestEvent.count({ where: { requestId: { in: [draft.requestId, draft.analysisId] } } })).toBe(0);
});

test("the use case refuses too when the statement is not ticked (the state machine's guard)", async () => {
  const draft = await readyDraft();
  expect(await submitRequest(draft.actor, draft.requestId, draft.version, { certified: false })).toEqual({ ok: false, code: "INVALID_PAYLOAD", message: HONOUR_STATEMENT.missing });
  expect((await db.request.findUniqueOrThrow({ where: { id: draft.requestId } })).state).toBe("DRAFT");
});

test("with the statement the deposit goes through, each history row keeps the statement's version, and the confirmation names the numbers and the address", async () => {
  const draft = await readyDraft();
  await signIn(draft.user.id);
  const result = await submitRequestAction({ requestId: draft.requestId, version: draft.version, certified: true });
  expect(result).toMatchObject({ ok: true, value: { numbers: [expect.stringMatching(/^D3-/), expect.stringMatching(/^D3-/)] } });
  const events = await db.requestEvent.findMany({ where: { requestId: { in: [draft.requestId, draft.analysisId] } }, select: { transition: true, toState: true, payload: true } });
  expect(events).toEqual([
    { transition: "submit", toState: "SUBMITTED", payload: { honourStatement: HONOUR_STATEMENT.version } },
    { transition: "submit", toState: "SUBMITTED", payload: { honourStatement: HONOUR_STATEMENT.version } },
  ]);

  const found = await getRequestForViewer(draft.actor, draft.requestId);
  const confirmation = await depositConfirmation(found!.request, found!.linked);
  const numbers = result.ok ? result.value.numbers : [];
  expect(confirmation).toMatchObject({
    numbers: [
      { label: "Demande de délivrance de diplôme", number: numbers[0] },
      { label: expect.stringContaining("analyse conjointe"), number: numbers[1] },
    ],
    depositedAt: expect.stringMatching(/^\d{1,2} \S+ \d{4} à \d{2} h \d{2}$/),
    email: found!.request.learner.profile?.email ?? found!.request.learner.email,
    nextStep: expect.stringContaining("vos unités, vos expériences et vos pièces"),
    receipt: {
      href: `/demandes/${draft.requestId}/recepisse`,
      label: expect.stringMatching(/^Télécharger le récépissé \(PDF, \d+ Ko\)$/),
      accessibleHref: `/demandes/${draft.requestId}/recepisse/version-accessible`,
    },
  });
});
