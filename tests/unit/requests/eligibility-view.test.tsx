import { render, screen, within } from "@testing-library/react";
import { EligibilityView } from "@/components/requests/EligibilityView";
import { evaluateEligibility } from "@/lib/catalogue/domain/eligibility";
import { diplomaByKey, passed, realCatalogue } from "../catalogue/fixtures";

const licence = diplomaByKey(realCatalogue(), "LG02501A");
const COMPLETE = ["UTC501", "UTC502", "UTC503", "UTC504", "UTC505", "NFP121", "NFP107", "RSX101", "GDN100", "ANG320"];
/** Léa Petit of the seed: no ANG320, NFP107 failed with 8/20. */
const LEA = [...COMPLETE.filter((code) => code !== "ANG320" && code !== "NFP107").map((code) => passed(code, 12, 2023)), passed("NFP107", 8, 2023)];

test("a learner short of a theme and of the English: what is missing as nested lists, the failed unit with its grade", () => {
  const { container } = render(<EligibilityView verdict={evaluateEligibility(licence, LEA)} />);
  const missing = screen.getByTestId("missing-units");
  expect(within(missing).getByText("Il vous manque :")).toBeInTheDocument();
  const items = within(missing).getAllByRole("listitem");
  expect(items.map((item) => item.firstChild?.textContent)).toEqual(
    expect.arrayContaining(["Une unité au choix parmi les suivantes :", "Systèmes d'information et bases de données :", "Anglais professionnel (ANG320)"]),
  );
  expect(within(missing).getByText("Systèmes de gestion de bases de données (NFP107) – non obtenue (8/20 en 2023)")).toBeInTheDocument();
  expect(within(screen.getByTestId("failed-units")).getByRole("listitem")).toHaveTextContent("NFP107 – Systèmes de gestion de bases de données : non obtenue (8/20 en 2023)");
  expect(screen.getByRole("heading", { level: 3, name: "Composition du diplôme et unités prises en compte" })).toBeInTheDocument();
  expect(container.textContent).not.toMatch(/Manque|ECTS comptés|\bUE\b|\bUA\b/);
});

test("a learner with every unit: no missing list, no failed list", () => {
  const { container } = render(<EligibilityView verdict={evaluateEligibility(licence, COMPLETE.map((code) => passed(code)))} />);
  expect(screen.getByText("Vous avez obtenu toutes les unités d'enseignement de ce diplôme.")).toBeInTheDocument();
  expect(screen.queryByTestId("missing-units")).toBeNull();
  expect(screen.queryByTestId("failed-units")).toBeNull();
  expect(container.textContent).not.toMatch(/manque|à compléter/i);
});

test("staff: no « Il vous manque » (the staff page gives its own summary), headings one level down", () => {
  // A composition re-checked by a person: no « Composition à confirmer avec votre centre ».
  const { container } = render(<EligibilityView verdict={evaluateEligibility({ ...licence, compositionVerified: true }, LEA)} audience="staff" />);
  expect(screen.queryByTestId("missing-units")).toBeNull();
  expect(screen.getByRole("heading", { level: 4 })).toHaveTextContent("Composition du diplôme et unités prises en compte");
  expect(screen.getByTestId("failed-units")).toHaveTextContent("non obtenue (8/20 en 2023)");
  expect(container.textContent).not.toMatch(/\bvous\b|\bvotre\b|\bvos\b/i);
});

test("staff: a composition not re-checked is « à vérifier », not « à confirmer avec votre centre »", () => {
  const { container } = render(<EligibilityView verdict={evaluateEligibility({ ...licence, compositionVerified: false }, LEA)} audience="staff" />);
  expect(screen.getByTestId("composition-not-verified")).toHaveTextContent(/^Composition à vérifier : /);
  expect(container.textContent).not.toMatch(/\bvous\b|\bvotre\b|\bvos\b/i);
});
