import { missingPieceMessage, missingRequestedPieces, requestedPiecesOf } from "@/lib/requests/domain/correction";
import { applyTransition } from "@/lib/requests/domain/request-lifecycle";
import { commandSchema } from "@/lib/requests/domain/commands";

const ASKED = new Date("2026-11-20T10:00:00Z");

describe("a correction names the pieces to send", () => {
  test("the command keeps the ticked pieces, once each, in the history row", () => {
    const step = applyTransition(
      { kind: "DIPLOMA", state: "IN_REVIEW", version: 3 },
      { type: "askForCorrection", actorRole: "AGENT_CENTRE", expectedVersion: 3, comment: "Merci de joindre une attestation lisible.", pieces: ["EMPLOYER_ATTESTATION", "CV", "EMPLOYER_ATTESTATION"] },
    );
    expect(step).toMatchObject({ ok: true, to: "CORRECTION_REQUESTED", history: { payload: { requestedPieces: "EMPLOYER_ATTESTATION,CV" } } });
    const without = applyTransition({ kind: "DIPLOMA", state: "IN_REVIEW", version: 3 }, { type: "askForCorrection", actorRole: "AGENT_CENTRE", expectedVersion: 3, comment: "Précisez vos dates." });
    expect(without).toMatchObject({ ok: true, history: { payload: {} } });
  });

  test("the form refuses a piece that is not in the list", () => {
    const schema = commandSchema("askForCorrection");
    expect(schema.safeParse({ type: "askForCorrection", requestId: "r1", version: 1, comment: "Une pièce manque.", pieces: ["CV"] }).success).toBe(true);
    expect(schema.safeParse({ type: "askForCorrection", requestId: "r1", version: 1, comment: "Une pièce manque.", pieces: ["PASSEPORT"] }).success).toBe(false);
  });

  test("the pieces are read back from the row, unknown or older rows give none", () => {
    expect(requestedPiecesOf({ requestedPieces: "CV,EMPLOYER_ATTESTATION" })).toEqual(["CV", "EMPLOYER_ATTESTATION"]);
    expect(requestedPiecesOf({ requestedPieces: "CV,PASSEPORT" })).toEqual(["CV"]);
    expect(requestedPiecesOf({})).toEqual([]);
    expect(requestedPiecesOf(null)).toEqual([]);
    expect(requestedPiecesOf(["CV"])).toEqual([]);
  });

  test("a piece counts only when added since the correction was asked", () => {
    const before = new Date("2026-11-19T10:00:00Z");
    const after = new Date("2026-11-21T10:00:00Z");
    expect(missingRequestedPieces(["EMPLOYER_ATTESTATION"], ASKED, [{ category: "EMPLOYER_ATTESTATION", uploadedAt: before }])).toEqual(["EMPLOYER_ATTESTATION"]);
    expect(missingRequestedPieces(["EMPLOYER_ATTESTATION", "CV"], ASKED, [{ category: "EMPLOYER_ATTESTATION", uploadedAt: after }])).toEqual(["CV"]);
    expect(missingRequestedPieces([], ASKED, [])).toEqual([]);
    expect(missingPieceMessage("CV")).toBe("Joignez la pièce demandée par votre centre : « Curriculum vitae ».");
  });
});
