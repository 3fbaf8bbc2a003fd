import { asRequestState, liveAnnouncement, liveSubject } from "@/lib/requests/domain/live-announcement";

describe("liveAnnouncement", () => {
  test("a new state is named", () => {
    expect(liveAnnouncement("Votre demande de diplôme", "SUBMITTED", { kind: "state", state: "IN_REVIEW" })).toBe(
      "Votre demande de diplôme est passée à l'état : En instruction.",
    );
    expect(liveAnnouncement("La demande D3-2026-000123", "FORWARDED", { kind: "state", state: "FAVOURABLE_WITH_CONDITION" })).toBe(
      "La demande D3-2026-000123 est passée à l'état : Avis favorable sous condition.",
    );
  });

  test("a change that keeps the state says so, with the state", () => {
    expect(liveAnnouncement("Votre demande de diplôme", "IN_REVIEW", { kind: "state", state: "IN_REVIEW" })).toBe(
      "Votre demande de diplôme a été mise à jour ; son état reste : En instruction.",
    );
  });

  test("a new message", () => {
    expect(liveAnnouncement("Votre demande d'analyse de l'expérience", "IN_REVIEW", { kind: "message" })).toBe("Nouveau message sur votre demande d'analyse de l'expérience.");
    expect(liveAnnouncement("La demande D3-2026-000123", "IN_REVIEW", { kind: "message" })).toBe("Nouveau message sur la demande D3-2026-000123.");
  });
});

describe("liveSubject", () => {
  test("the learner's words and the staff's", () => {
    expect(liveSubject({ kind: "DIPLOMA", number: "D3-2026-000001" }, "learner")).toBe("Votre demande de diplôme");
    expect(liveSubject({ kind: "EXPERIENCE", number: null }, "learner")).toBe("Votre demande d'analyse de l'expérience");
    expect(liveSubject({ kind: "EXPERIENCE", number: "D3-2026-000002" }, "staff")).toBe("La demande D3-2026-000002");
  });
});

test("asRequestState accepts only the states", () => {
  expect(asRequestState("IN_REVIEW")).toBe("IN_REVIEW");
  expect(asRequestState("toString")).toBeNull();
  expect(asRequestState("in_review")).toBeNull();
  expect(asRequestState(3)).toBeNull();
});
