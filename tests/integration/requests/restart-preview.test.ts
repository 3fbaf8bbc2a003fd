import { db } from "@/lib/shared/db";
import { restartPreview } from "@/lib/requests/restart";
import { refuseRequest, takeInCharge } from "@/lib/requests/staff-requests";
import { withdrawRequest } from "@/lib/requests/learner-requests";
import { createLearner, createStaff, submitAnticipatedAnalysis, submitJointDiplomaRequest } from "../../support/requests";
import { statementsOf } from "../../support/query-count";

const IP = "203.0.113.5";

describe("what « Faire une nouvelle demande à partir de celle-ci » would carry over, as the request page shows it", () => {
  test("a refused diploma request: its joint analysis's experiences and pièces (refused ones left behind), in one statement; nothing for anyone else or for the analysis's own id", async () => {
    const joint = await submitJointDiplomaRequest();
    const [refusedPiece] = await db.requestDocument.findMany({ where: { requestId: joint.analysisId }, orderBy: { uploadedAt: "asc" }, take: 1 });
    await db.requestDocument.update({ where: { id: refusedPiece!.id }, data: { status: "REFUSED", statusReason: "Illisible" } });
    const agent = { ...(await createStaff("AGENT_CENTRE", joint.centreCode)), ip: IP };
    // Still open: nothing to start again from.
    expect(await restartPreview(joint.actor, joint.requestId)).toBeNull();
    expect(await takeInCharge(agent, joint.requestId, 2)).toMatchObject({ ok: true });
    expect(await refuseRequest(agent, joint.requestId, 3, "Pièces illisibles.")).toMatchObject({ ok: true });

    const { result, statements } = await statementsOf(() => restartPreview(joint.actor, joint.requestId));
    expect(result).toEqual({ id: joint.analysisId, experiences: 1, documents: 1 });
    expect(statements).toHaveLength(1);
    expect(await restartPreview((await createLearner()).actor, joint.requestId)).toBeNull();
    expect(await restartPreview(agent, joint.requestId)).toBeNull();
    // The joint analysis is started again with its diploma request, never alone.
    expect(await restartPreview(joint.actor, joint.analysisId)).toBeNull();
    expect(await restartPreview(joint.actor, "missing-id")).toBeNull();
  });

  test("a withdrawn anticipated analysis carries its own; a closed diploma request without an analysis carries nothing", async () => {
    const learner = await createLearner();
    const anticipated = await submitAnticipatedAnalysis(learner);
    expect(await withdrawRequest(learner.actor, anticipated.requestId, 2)).toMatchObject({ ok: true });
    expect(await restartPreview(learner.actor, anticipated.requestId)).toEqual({ id: anticipated.requestId, experiences: 1, documents: 2 });

    const joint = await submitJointDiplomaRequest();
    await db.request.delete({ where: { id: joint.analysisId } });
    await db.request.update({ where: { id: joint.requestId }, data: { state: "WITHDRAWN", openSlot: null } });
    expect(await restartPreview(joint.actor, joint.requestId)).toEqual({ id: null, experiences: 0, documents: 0 });
  });
});
