import { requestPageTitle } from "@/lib/requests/domain/page-titles";
import { REQUEST_STATES } from "@/lib/requests/domain/request-lifecycle";

const diploma = { code: "LG02501A", title: "Licence Informatique" };

describe("requestPageTitle: each request page its own title", () => {
  test("a deposited request is named by its number and its state", () => {
    expect(requestPageTitle({ number: "D3-2026-000123", kind: "DIPLOMA", state: "SUBMITTED", diploma })).toBe("Demande D3-2026-000123 – Déposée");
    expect(requestPageTitle({ number: "D3-2026-000124", kind: "EXPERIENCE", state: "CORRECTION_REQUESTED", diploma })).toBe("Demande D3-2026-000124 – Complément demandé");
  });

  test("a staff page adds its space", () => {
    expect(requestPageTitle({ number: "D3-2026-000123", kind: "DIPLOMA", state: "IN_REVIEW", diploma }, "Espace centre")).toBe("Demande D3-2026-000123 – En instruction – Espace centre");
  });

  test("a draft, without a number yet, is named by its kind and diploma", () => {
    expect(requestPageTitle({ number: null, kind: "DIPLOMA", state: "DRAFT", diploma })).toBe("Demande de diplôme LG02501A – Brouillon");
    expect(requestPageTitle({ number: null, kind: "EXPERIENCE", state: "DRAFT", diploma: { code: null, title: "Titre RNCP" } })).toBe("Analyse de l'expérience Titre RNCP – Brouillon");
  });

  test("the same request in two states has two titles, and no two states share one", () => {
    const titles = REQUEST_STATES.map((state) => requestPageTitle({ number: "D3-2026-000123", kind: "DIPLOMA", state, diploma }));
    expect(new Set(titles).size).toBe(REQUEST_STATES.length);
  });
});
