import { render, screen } from "@testing-library/react";
import { DocumentsPanel } from "@/components/requests/DocumentsPanel";
import { lastSentAt, shownDocumentStatus, withShownStatus } from "@/lib/requests/domain/document-status";

jest.mock("@/lib/requests/actions", () => ({ uploadDocumentAction: jest.fn(), removeDocumentAction: jest.fn() }));

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 10));
const submitted = [
  { transition: "submit", at: day(5) },
  { transition: "takeInCharge", at: day(6) },
  { transition: "askForCorrection", at: day(7) },
];

describe("the status a learner reads of a pièce", () => {
  test("a draft's pieces are not sent yet, whatever their stored status says", () => {
    expect(lastSentAt([])).toBeNull();
    expect(shownDocumentStatus({ status: "TRANSMITTED", uploadedAt: day(1) }, null)).toBe("NOT_SENT");
  });

  test("pieces joined before the deposit are sent; those joined while completing the request wait for its return", () => {
    const sentAt = lastSentAt(submitted);
    expect(sentAt).toEqual(day(5));
    expect(shownDocumentStatus({ status: "TRANSMITTED", uploadedAt: day(4) }, sentAt)).toBe("TRANSMITTED");
    expect(shownDocumentStatus({ status: "TRANSMITTED", uploadedAt: day(8) }, sentAt)).toBe("NOT_SENT");
    const returned = lastSentAt([...submitted, { transition: "resubmit", at: day(9) }]);
    expect(shownDocumentStatus({ status: "TRANSMITTED", uploadedAt: day(8) }, returned)).toBe("TRANSMITTED");
  });

  test("a reviewed piece keeps its review", () => {
    expect(shownDocumentStatus({ status: "VALIDATED", uploadedAt: day(8) }, day(5))).toBe("VALIDATED");
    expect(shownDocumentStatus({ status: "REFUSED", uploadedAt: day(1) }, null)).toBe("REFUSED");
  });

  test("internship proofs are sent with « Envoyer la convention et le rapport »", () => {
    const events = [{ transition: "submit", at: day(1) }, { transition: "decideExperience", at: day(3) }, { transition: "sendInternshipProof", at: day(10) }];
    expect(withShownStatus([{ id: "a", status: "TRANSMITTED" as const, uploadedAt: day(9) }], events)).toEqual([{ id: "a", status: "TRANSMITTED", uploadedAt: day(9) }]);
  });
});

test("the panel badges a draft's piece « Pas encore transmis », not « Transmis »", () => {
  const documents = withShownStatus([{ id: "d1", category: "CV" as const, originalName: "cv.pdf", size: 2048, status: "TRANSMITTED" as const, statusReason: null, uploadedAt: day(1) }], []);
  const { unmount } = render(<DocumentsPanel requestId="r1" editable documents={documents} />);
  expect(screen.getByText("Pas encore transmis")).toBeInTheDocument();
  expect(screen.queryByText("Transmis")).not.toBeInTheDocument();
  unmount();
  render(<DocumentsPanel requestId="r1" editable={false} documents={withShownStatus(documents.map((d) => ({ ...d, status: "TRANSMITTED" as const })), submitted)} />);
  expect(screen.getByText("Transmis")).toBeInTheDocument();
});
