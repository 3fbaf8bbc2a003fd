import { render, screen, within } from "@testing-library/react";
import { RequestSteps } from "@/components/requests/RequestSteps";
import { JURY_SECTION_ANCHOR, helpLinkForStep } from "@/lib/help/anchors";
import { loadHelpPages } from "@/lib/help/pages";

const at = new Date("2026-06-01T10:00:00Z");

/** The « En savoir plus » link of the step whose text contains `label`. */
function helpOf(list: HTMLElement, label: string): string | null {
  const step = within(list)
    .getAllByRole("listitem")
    .find((item) => item.textContent?.includes(label));
  return step ? within(step).getByRole("link", { name: /En savoir plus/ }).getAttribute("href") : null;
}

test("the « Avis du jury » step links to the help's section on the jury's opinion, not to the favourable one", () => {
  render(<RequestSteps kind="EXPERIENCE" state="FORWARDED" label="Analyse" events={[{ fromState: "IN_REVIEW", toState: "FORWARDED", at }]} />);
  const list = screen.getByRole("list", { name: "Analyse" });
  expect(helpOf(list, "Avis du jury")).toBe(`/aide/etapes#${JURY_SECTION_ANCHOR}`);
  expect(helpOf(list, "Transmise au national")).toBe("/aide/etapes#transmise-au-national-au-jury");
});

test("once the jury has spoken, its step links to the opinion given", () => {
  render(<RequestSteps kind="EXPERIENCE" state="UNFAVOURABLE" label="Analyse" events={[{ fromState: "FORWARDED", toState: "UNFAVOURABLE", at }]} />);
  expect(helpOf(screen.getByRole("list", { name: "Analyse" }), "Avis défavorable")).toBe("/aide/etapes#avis-defavorable");
  expect(helpLinkForStep("DECISION", "FAVOURABLE")).toBe("/aide/etapes#avis-favorable");
  expect(helpLinkForStep("DECISION", "CONDITION_REVIEW")).toBe("/aide/etapes#avis-favorable-sous-condition");
  expect(helpLinkForStep("DECISION", "WITHDRAWN")).toBe(`/aide/etapes#${JURY_SECTION_ANCHOR}`);
});

test("the jury's section exists in the help on the steps, under its heading", () => {
  const etapes = loadHelpPages().find((page) => page.slug === "etapes");
  expect(etapes?.headings.find((heading) => heading.anchor === JURY_SECTION_ANCHOR)?.text).toBe("L'avis du jury sur votre expérience");
  expect(etapes?.html).toContain(`id="${JURY_SECTION_ANCHOR}"`);
});

test("beyond the next step, the steps to come are folded under a disclosure, numbered on", () => {
  const { container } = render(
    <RequestSteps kind="DIPLOMA" state="SUBMITTED" label="Étapes de la demande" events={[{ fromState: "DRAFT", toState: "SUBMITTED", at }]} />,
  );
  const shown = within(screen.getByRole("list", { name: "Étapes de la demande" })).getAllByRole("listitem");
  expect(shown.map((step) => step.textContent?.split(" (")[0])).toEqual(["Brouillon", "Déposée", "En instruction"]);
  expect(shown[1]).toHaveAttribute("aria-current", "step");
  const details = container.querySelector("details")!;
  expect(details.open).toBe(false);
  expect(details.querySelector("summary")).toHaveTextContent("Voir les 5 étapes suivantes");
  const rest = details.querySelector("ol")!;
  expect(rest).toHaveAttribute("start", "4");
  expect(rest).toHaveAttribute("aria-label", "Étapes suivantes de la demande");
  expect(rest.querySelectorAll("li")).toHaveLength(5);
});

test("the steps done before the current one are folded too; a closed request shows its last step", () => {
  const { container, unmount } = render(<RequestSteps kind="EXPERIENCE" state="FORWARDED" label="Analyse" events={[{ fromState: "IN_REVIEW", toState: "FORWARDED", at }]} />);
  const shown = within(screen.getByRole("list", { name: "Analyse" })).getAllByRole("listitem");
  expect(shown.map((step) => step.textContent?.split(" (")[0])).toEqual(["Transmise au national / au jury", "Avis du jury"]);
  expect(screen.getByRole("list", { name: "Analyse" })).toHaveAttribute("start", "4");
  const details = container.querySelectorAll("details");
  expect(details).toHaveLength(1);
  expect(details[0]!.querySelector("summary")).toHaveTextContent("Voir les 3 étapes terminées");
  expect(details[0]!.querySelectorAll("li")).toHaveLength(3);
  unmount();
  const closed = render(<RequestSteps kind="EXPERIENCE" state="FAVOURABLE" label="Close" events={[{ fromState: "FORWARDED", toState: "FAVOURABLE", at }]} />);
  expect(within(screen.getByRole("list", { name: "Close" })).getAllByRole("listitem").map((step) => step.textContent?.split(" (")[0])).toEqual(["Avis favorable"]);
  expect(closed.container.querySelector("details summary")).toHaveTextContent("Voir les 4 étapes terminées");
  expect(screen.getByRole("list", { name: "Close : étapes terminées", hidden: true }).querySelectorAll("li")).toHaveLength(4);
});
