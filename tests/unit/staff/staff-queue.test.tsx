import { render, screen, within } from "@testing-library/react";
import { StaffQueue } from "@/components/staff/queue/StaffQueue";
import type { QueuePage, QueueRow } from "@/lib/requests/staff-queries";

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
};

function queue(page: Partial<QueuePage>, q = "martin") {
  return render(
    <StaffQueue
      title="Demandes du centre"
      intro="Demandes déposées par les auditeurs du centre."
      emptyMessage="Aucune demande."
      basePath="/centre"
      role="AGENT_CENTRE"
      filters={{ sort: "recent", q }}
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
