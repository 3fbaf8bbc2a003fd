import { db } from "@/lib/shared/db";
import { parseDiplomaDefinition } from "@/lib/catalogue/definition";
import { startRequest } from "@/lib/requests/learner-requests";
import { detailSelect, getRequestForViewer, type RequestDetail } from "@/lib/requests/queries";
import { askForCorrection, postMessage, takeInCharge, type StaffActor } from "@/lib/requests/staff-requests";
import type { Viewer } from "@/lib/requests/domain/request-access";
import { LICENCE_UNITS, createLearner, createStaff, insertDiplomaRequests, submitAnticipatedAnalysis, submitJointDiplomaRequest } from "../../support/requests";
import { statementsOf } from "../../support/query-count";

/**
 * The request page's data (getRequestForViewer) is read in one SQL statement, which must give
 * exactly what Prisma gives for detailSelect, the page's reference select: every field, relation,
 * filter and order.
 */
async function reference(requestId: string): Promise<RequestDetail | null> {
  const row = await db.request.findUnique({ where: { id: requestId }, select: detailSelect });
  return row && { ...row, diploma: { ...row.diploma, definition: parseDiplomaDefinition(row.diploma.key, row.diploma.definition) } };
}

const IP = "203.0.113.9";
const pdf = (name: string) => new File([Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], name, { type: "application/pdf" });

/** A request with something in every part of the page: agent, correction, messages with and without a file, a refused pièce, linked and restarted requests. */
async function busyRequest() {
  const joint = await submitJointDiplomaRequest();
  const agent: StaffActor = { ...(await createStaff("AGENT_CENTRE", joint.centreCode)), ip: IP };
  const taken = await takeInCharge(agent, joint.requestId, 2);
  if (!taken.ok) throw new Error(JSON.stringify(taken));
  expect(await postMessage(agent, joint.requestId, "Pouvez-vous préciser vos dates ?", new Date("2026-03-02T10:00:00Z"), pdf("formulaire.pdf"))).toMatchObject({ ok: true });
  expect(await postMessage({ ...joint.actor, ip: IP }, joint.requestId, "Voici les dates.", new Date("2026-03-03T10:00:00Z"))).toMatchObject({ ok: true });
  const [cv] = await db.requestDocument.findMany({ where: { requestId: joint.analysisId }, orderBy: { uploadedAt: "asc" }, take: 1 });
  await db.requestDocument.update({ where: { id: cv!.id }, data: { status: "REFUSED", statusReason: "Illisible" } });
  const version = (await db.request.findUniqueOrThrow({ where: { id: joint.requestId }, select: { version: true } })).version;
  expect(await askForCorrection(agent, joint.requestId, version, "Joignez un CV lisible.", new Date(), ["CV"])).toMatchObject({ ok: true });
  // Links to other requests (rows of other learners will do): an anticipated analysis the diploma
  // request relies on, requests relying on the joint analysis, the request it was started again from.
  const anticipated = await submitAnticipatedAnalysis(await createLearner());
  const [older, newer] = await insertDiplomaRequests(2, "VALIDATED");
  await db.request.update({ where: { id: older! }, data: { linkedAnalysisId: joint.analysisId, createdAt: new Date("2026-01-01T00:00:00Z") } });
  await db.request.update({ where: { id: newer! }, data: { linkedAnalysisId: joint.analysisId, createdAt: new Date("2026-02-01T00:00:00Z") } });
  await db.request.update({ where: { id: joint.requestId }, data: { linkedAnalysisId: anticipated.requestId, restartedFromId: older! } });
  return { ...joint, agent };
}

describe("the request page's data: one statement, the same as Prisma's select", () => {
  test("a request with agent, correction, messages, files and linked requests, from either side of the joint pair", async () => {
    const busy = await busyRequest();
    for (const [id, counterpart] of [
      [busy.requestId, busy.analysisId],
      [busy.analysisId, busy.requestId],
    ]) {
      const found = await getRequestForViewer(busy.actor, id!);
      expect(found).toStrictEqual({ request: await reference(id!), linked: await reference(counterpart!) });
    }
    const found = await getRequestForViewer(busy.actor, busy.requestId);
    // The scene did fill what it meant to: the comparison is not between two empty shapes.
    expect(found!.request).toMatchObject({ state: "CORRECTION_REQUESTED", assignedAgent: { displayName: expect.any(String) }, restartedFrom: { id: expect.any(String) } });
    expect(found!.request.messages.map((m) => [m.body, m.attachment?.originalName ?? null])).toEqual([
      ["Pouvez-vous préciser vos dates ?", "formulaire.pdf"],
      ["Voici les dates.", null],
    ]);
    expect(found!.request.documents.map((d) => d.originalName)).not.toContain("formulaire.pdf");
    expect(found!.request.events.some((e) => e.payload !== null && e.actor !== null)).toBe(true);
    expect(found!.request.linkedAnalysis).toMatchObject({ state: "SUBMITTED" });
    expect(found!.linked!.linkedDiplomaRequests).toHaveLength(2);
    expect(found!.linked!.documents.find((d) => d.status === "REFUSED")).toMatchObject({ statusReason: "Illisible" });
    expect(found!.linked!.experiences).toHaveLength(1);
    expect(found!.request.submittedAt).toBeInstanceOf(Date);
    expect(found!.request.learner.profile!.birthDate).toBeInstanceOf(Date);
  });

  test("a draft (no number, no dates of deposit) and a request of an account without profile nor counterpart", async () => {
    const learner = await createLearner({ units: LICENCE_UNITS });
    const started = await startRequest(learner.actor, "LG02501A", "DIPLOMA");
    if (!started.ok) throw new Error(started.message);
    const analysis = await db.request.findUniqueOrThrow({ where: { diplomaRequestId: started.requestId }, select: { id: true } });
    const draft = await getRequestForViewer(learner.actor, started.requestId);
    expect(draft).toStrictEqual({ request: await reference(started.requestId), linked: await reference(analysis.id) });
    expect(draft!.request).toMatchObject({ number: null, submittedAt: null, forwardedAt: null, messages: [], assignedAgent: null });

    const [alone] = await insertDiplomaRequests(1, "FORWARDED");
    const national = await createStaff("AGENT_NATIONAL");
    const found = await getRequestForViewer(national, alone!);
    expect(found).toStrictEqual({ request: await reference(alone!), linked: null });
    expect(found!.request.learner.profile).toBeNull();
  });

  test("whoever may not see the request gets null; a counterpart the viewer may not see is left out", async () => {
    const busy = await busyRequest();
    const stranger = await createLearner();
    const otherCentre = await createStaff("AGENT_CENTRE", "NOUVELLE-AQUITAINE");
    const admin = await createStaff("ADMIN");
    for (const viewer of [stranger.actor, otherCentre, admin] satisfies Viewer[]) {
      expect(await getRequestForViewer(viewer, busy.requestId)).toBeNull();
      expect(await getRequestForViewer(viewer, busy.analysisId)).toBeNull();
    }
    expect(await getRequestForViewer(busy.actor, "missing-id")).toBeNull();
    // The national level sees a forwarded request, not its joint analysis until that one is forwarded too.
    await db.request.update({ where: { id: busy.requestId }, data: { forwardedAt: new Date() } });
    const national = await createStaff("AGENT_NATIONAL");
    const found = await getRequestForViewer(national, busy.requestId);
    expect(found?.request.id).toBe(busy.requestId);
    expect(found?.linked).toBeNull();
  });

  test("the page's request and its counterpart come in one database round trip", async () => {
    const busy = await busyRequest();
    const { result, statements } = await statementsOf(() => getRequestForViewer(busy.actor, busy.requestId));
    expect(result?.linked?.id).toBe(busy.analysisId);
    expect(statements).toHaveLength(1);
  });
});
