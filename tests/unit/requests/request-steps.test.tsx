import { render, screen, within } from "@testing-library/react";
import { RequestSteps } from "@/components/requests/RequestSteps";

const at = new Date("2026-06-01T10:00:00Z");

test("a refusal is drawn as a negative end, not as a completed step", () => {
  render(
    <RequestSteps
      kind="DIPLOMA"
      state="REFUSED"
      label="Étapes"
      events={[
        { fromState: "DRAFT", toState: "SUBMITTED", at },
        { fromState: "SUBMITTED", toState: "IN_REVIEW", at },
        { fromState: "IN_REVIEW", toState: "REFUSED", at },
      ]}
    />,
  );
  const steps = within(screen.getByRole("list", { name: "Étapes" })).getAllByRole("listitem");
  const last = steps.at(-1)!;
  expect(last).toHaveTextContent("Refusée (décision défavorable)");
  expect(last).not.toHaveTextContent("étape terminée");
  expect(last.querySelector("[data-ending]")).toHaveAttribute("data-ending", "negative");
  // The path before it, folded under « Voir les 3 étapes terminées », is drawn as done.
  const before = within(screen.getByRole("list", { name: "Étapes terminées", hidden: true })).getAllByRole("listitem", { hidden: true });
  expect(before[1]).toHaveTextContent("(étape terminée)");
});

test("an unfavourable opinion is negative too; a withdrawal is a closed, neutral end", () => {
  const { unmount } = render(
    <RequestSteps kind="EXPERIENCE" state="UNFAVOURABLE" label="Analyse" events={[{ fromState: "FORWARDED", toState: "UNFAVOURABLE", at }]} />,
  );
  expect(within(screen.getByRole("list", { name: "Analyse" })).getAllByRole("listitem").at(-1)).toHaveTextContent("(décision défavorable)");
  unmount();
  render(<RequestSteps kind="DIPLOMA" state="WITHDRAWN" label="Abandon" events={[{ fromState: "SUBMITTED", toState: "WITHDRAWN", at }]} />);
  expect(within(screen.getByRole("list", { name: "Abandon" })).getAllByRole("listitem").at(-1)).toHaveTextContent("Abandonnée (demande close)");
});
