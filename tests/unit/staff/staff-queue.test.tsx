import { render, screen, within } from "@testing-library/react";
import { StaffQueue } from "@/components/staff/queue/StaffQueue";
import type { QueueFilters, QueuePage, QueueRow } from "@/lib/requests/staff-queries";

// The component reads constants and URL helpers of the queries module, never the database.
jest.mock("@/lib/shared/db", () => ({ db: {} }));
jest.mock("@/generated/prisma/client", () => ({ Prisma: {} }));

const row: QueueRow = {
  id: "r1",
  number: "D3-2026-000001",
  kind: "DIPLOMA",
  mode: null,
  state: "IN_REVIEW",
  version: 1,
  submittedAt: new Date("2026-03-10T10:00:00Z"),
  lastChangeAt: new Date("2026-03-11T10:00:00Z"),
  diplomaCode: "LG02501A",
  diplomaTitle: "Licence informatique",
  learnerName: "Zoé Martin",
  learnerNumber: "123456789",
  centreName: null,
  assignedAgentName: null,
  partner: null,
};

function queue(page: Partial<QueuePage>, q = "martin", filters: Partial<QueueFilters> = {}) {
  return render(
    <StaffQueue
      title="Demandes du centre"
      intro="Demandes déposées par les auditeurs du centre."
      emptyMessage="Aucune demande."
      basePath="/centre"
      role="AGENT_CENTRE"
      filters={{ sort: "recent", q, ...filters }}
      queue={{ rows: [row], nextCursor: null, counts: null, ...page }}
      diplomas={[]}
      bulkOperations={[]}
      bulkActions={null}
    />,
  );
}

test("exact counts: numbers on every state and in the summary, no warning", () => {
  queue({ counts: { byState: { IN_REVIEW: 3, SUBMITTED: 2 }, total: 5 } });
  const counts = screen.getByTestId("state-counts");
  expect(within(counts).getByRole("link", { name: "Tous les états (5)" })).toBeInTheDocument();
  expect(within(counts).getByRole("link", { name: "En instruction (3)" })).toBeInTheDocument();
  expect(screen.getByTestId("queue-summary")).toHaveTextContent("1 demande affichée sur 5 demandes correspondant aux filtres.");
  expect(screen.queryByTestId("search-capped")).toBeNull();
});

test("capped counts: « plus de 1 000 », no number per state", () => {
  queue({ counts: { byState: { IN_REVIEW: 600, SUBMITTED: 400 }, total: 1000, capped: true } });
  const counts = screen.getByTestId("state-counts");
  expect(within(counts).getByRole("link", { name: /^Tous les états \(plus de 1\s000\)$/ })).toBeInTheDocument();
  expect(within(counts).getByRole("link", { name: "En instruction" })).toBeInTheDocument();
  expect(screen.getByTestId("queue-summary")).toHaveTextContent("1 demande affichée sur plus de 1 000 demandes correspondant aux filtres.");
});

test("a capped search asks for a narrower one, on every page", () => {
  queue({ counts: null, searchCap: 1000 });
  expect(screen.getByTestId("search-capped")).toHaveTextContent(
    "Plus de 1 000 dossiers correspondent : précisez votre recherche (nom et prénom, numéro). Seuls 1 000 d'entre eux sont listés ici.",
  );
});

test("results first: the search line is open, the other filters fold under « Plus de filtres »", () => {
  queue({});
  const more = screen.getByTestId("more-filters");
  expect(more.tagName).toBe("DETAILS");
  expect(more).not.toHaveAttribute("open");
  expect(within(more).getByText("Plus de filtres")).toBeInTheDocument();
  // Search and state stay outside; type, diploma, assignment, dates and sort are folded.
  expect(more).not.toContainElement(screen.getByLabelText("Recherche"));
  expect(more).not.toContainElement(screen.getByLabelText("État"));
  for (const label of ["Type", "Diplôme", "Attribution", "Déposée du", "Déposée au", "Tri"]) expect(more).toContainElement(screen.getByLabelText(label));
});

test("« Plus de filtres » is open, with how many are in use, when one of them filters", () => {
  queue({}, "martin", { kind: "EXPERIENCE", sort: "oldest" });
  const more = screen.getByTestId("more-filters");
  expect(more).toHaveAttribute("open");
  expect(within(more).getByText(/Plus de filtres/)).toHaveTextContent("Plus de filtres (2 filtres actifs)");
});

test("a diploma request and its joint analysis: the analysis right under it, each naming the other", () => {
  const diploma: QueueRow = { ...row, id: "d1", number: "D3-2026-000010", partner: { id: "a1", number: "D3-2026-000011", kind: "EXPERIENCE", mode: "CONJOINTE", state: "SUBMITTED", link: "joint" } };
  const other: QueueRow = { ...row, id: "o1", number: "D3-2026-000012" };
  const analysis: QueueRow = {
    ...row,
    id: "a1",
    number: "D3-2026-000011",
    kind: "EXPERIENCE",
    mode: "CONJOINTE",
    state: "SUBMITTED",
    partner: { id: "d1", number: "D3-2026-000010", kind: "DIPLOMA", mode: null, state: "IN_REVIEW", link: "joint" },
  };
  queue({ rows: [diploma, other, analysis] });
  const lines = within(screen.getByTestId("queue-table")).getAllByRole("row").slice(1);
  expect(lines.map((line) => within(line).getAllByRole("link")[0]!.textContent)).toEqual(["D3-2026-000010", "D3-2026-000011", "D3-2026-000012"]);
  expect(lines[1]).toHaveAttribute("data-grouped");
  expect(lines[0]).toHaveTextContent("avec l'analyse conjointe D3-2026-000011 (Déposée)");
  expect(lines[1]).toHaveTextContent("analyse conjointe de la demande D3-2026-000010 (En instruction)");
  expect(within(lines[0]!).getByRole("link", { name: "D3-2026-000011" })).toHaveAttribute("href", "/centre/demandes/a1");
});
