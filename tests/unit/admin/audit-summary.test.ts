import { summariseAuditDetails } from "@/lib/admin/domain/audit-summary";

describe("the journal's summary of an audit row", () => {
  test("a state change reads in the screens' words, not the stored codes", () => {
    const text = summariseAuditDetails({ transition: "recordHandover", from: "SENT_TO_CENTRE", to: "HANDED_OVER", payload: { x: 1 } });
    expect(text).toMatch(/^action : .+ ; de : Diplôme envoyé au centre ; vers : Diplôme remis$/);
    expect(text).not.toMatch(/recordHandover|SENT_TO_CENTRE|HANDED_OVER/);
  });

  test("roles, booleans and document statuses in words; ids left out", () => {
    expect(summariseAuditDetails({ userId: "cku123", changes: { role: "ADMIN", active: false } })).toBe("rôle : Administrateur ; actif : non");
    expect(summariseAuditDetails({ documentId: "d1", status: "REFUSED", reason: "Illisible" })).toBe("statut : refusée ; motif : Illisible");
  });

  test("a code without words is never shown raw", () => {
    const text = summariseAuditDetails({ transition: "someFutureCommand", from: "SOME_STATE", status: "ODD" });
    expect(text).toBe("action : changement d'étape ; de : autre étape ; statut : autre");
  });

  test("nothing to summarise", () => {
    expect(summariseAuditDetails(null)).toBe("");
    expect(summariseAuditDetails("text")).toBe("");
  });
});
