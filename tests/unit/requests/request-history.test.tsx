import { render, screen } from "@testing-library/react";
import { RequestHistory } from "@/components/requests/RequestHistory";

const event = (id: number) => ({
  id,
  at: new Date(Date.UTC(2026, 2, id, 9)),
  actorRole: "AGENT_CENTRE" as const,
  transition: "takeInCharge",
  fromState: "SUBMITTED" as const,
  toState: "IN_REVIEW" as const,
  comment: null,
  actor: { displayName: "Sophie Bernard" },
});

test("on the staff's page a long history is folded under a disclosure that says how long it is", () => {
  const { container } = render(<RequestHistory events={[1, 2, 3, 4, 5, 6, 7].map(event)} showActorNames foldAfter={6} />);
  expect(screen.getByRole("heading", { name: "Historique" })).toBeInTheDocument();
  const details = container.querySelector("details");
  expect(details).not.toBeNull();
  expect(details?.open).toBe(false);
  expect(details?.querySelector("summary")).toHaveTextContent("Voir l'historique (7 changements)");
  expect(details).toContainElement(screen.getByRole("table", { hidden: true }));
});

test("a short history, and the learner's, stay open", () => {
  const { container, unmount } = render(<RequestHistory events={[1, 2].map(event)} showActorNames foldAfter={6} />);
  expect(container.querySelector("details")).toBeNull();
  expect(screen.getByRole("table")).toBeVisible();
  unmount();
  const learner = render(<RequestHistory events={[1, 2, 3, 4, 5, 6, 7, 8].map(event)} />);
  expect(learner.container.querySelector("details")).toBeNull();
});
