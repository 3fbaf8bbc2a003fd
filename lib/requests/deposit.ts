import { usualDurationOf } from "@/lib/statistics/usual-durations";
import { learnerEmailOf, nextStepAfterDeposit, showsDepositConfirmation } from "@/lib/requests/domain/deposit";
import { requestTitle } from "@/lib/requests/domain/request-lifecycle";
import { formatFormalDateTime } from "@/lib/shared/dates";
import { downloadLabel } from "@/lib/shared/files";
import type { RequestDetail } from "./queries";
import { receiptData, receiptPdfSize } from "./receipt";

export type DepositConfirmationData = {
  requestId: string;
  /** The diploma request first, then its joint analysis. */
  numbers: { label: string; number: string }[];
  depositedAt: string;
  email: string;
  nextStep: string;
  usualDuration: string | null;
  /** The PDF, its link's words with format and size, and its web version. */
  receipt: { href: string; label: string; accessibleHref: string };
};

/**
 * What the confirmation at the top of the learner's page says once the request is deposited (see
 * showsDepositConfirmation): the numbers, the date in Paris time, the address the confirmation
 * email goes to, the next step and how long it usually takes, and the récépissé with its size.
 */
export async function depositConfirmation(request: RequestDetail, linked: RequestDetail | null): Promise<DepositConfirmationData | null> {
  if (!showsDepositConfirmation(request) || !request.number || !request.submittedAt) return null;
  const deposited = [request, linked].filter((r): r is RequestDetail & { number: string } => r !== null && r.number !== null && r.state !== "DRAFT");
  deposited.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "DIPLOMA" ? -1 : 1));
  const withJointAnalysis = request.kind === "DIPLOMA" && linked !== null && linked.state !== "DRAFT";
  // The récépissé's size, for its link: it is rendered from the data, as its route does (kept in memory per content).
  const receipt = receiptData(request, linked);
  const [usualDuration, size] = await Promise.all([usualDurationOf(request), receipt ? receiptPdfSize(receipt) : null]);
  return {
    requestId: request.id,
    numbers: deposited.map((r) => ({ label: requestTitle(r), number: r.number })),
    depositedAt: formatFormalDateTime(request.submittedAt),
    email: learnerEmailOf(request.learner),
    nextStep: nextStepAfterDeposit(request.kind, withJointAnalysis, request.centre.name),
    usualDuration,
    receipt: {
      href: `/demandes/${request.id}/recepisse`,
      label: downloadLabel("Télécharger le récépissé", { mimeType: "application/pdf", size }),
      accessibleHref: `/demandes/${request.id}/recepisse/version-accessible`,
    },
  };
}
