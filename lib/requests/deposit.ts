import { usualDurationOf } from "@/lib/statistics/usual-durations";
import { formatSize } from "@/lib/requests/domain/documents";
import { learnerEmailOf, nextStepAfterDeposit, showsDepositConfirmation } from "@/lib/requests/domain/deposit";
import { requestTitle } from "@/lib/requests/domain/request-lifecycle";
import { formatFormalDateTime } from "@/lib/shared/dates";
import type { RequestDetail } from "./queries";
import { receiptData, renderReceipt } from "./receipt";

export type DepositConfirmationData = {
  requestId: string;
  /** The diploma request first, then its joint analysis. */
  numbers: { label: string; number: string }[];
  depositedAt: string;
  email: string;
  nextStep: string;
  usualDuration: string | null;
  receipt: { href: string; size: string | null };
};

/**
 * The size of the récépissé, for its link: the PDF is rendered from the data, as its route does.
 * A deposited request's receipt changes only with the request's version (its number, date,
 * experiences and pièces are fixed at the deposit), so the size is kept per version.
 */
const globalForReceipts = globalThis as unknown as { d3ReceiptSizes?: Map<string, number> };
const MAX_KEPT = 500;

async function receiptSize(request: RequestDetail, linked: RequestDetail | null): Promise<number | null> {
  const data = receiptData(request, linked);
  if (!data) return null;
  const sizes = (globalForReceipts.d3ReceiptSizes ??= new Map());
  const key = `${request.id}:${request.version}:${linked?.version ?? ""}`;
  const known = sizes.get(key);
  if (known !== undefined) return known;
  const size = (await renderReceipt(data)).byteLength;
  if (sizes.size >= MAX_KEPT) sizes.delete(sizes.keys().next().value!);
  sizes.set(key, size);
  return size;
}

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
  const [usualDuration, size] = await Promise.all([usualDurationOf(request), receiptSize(request, linked)]);
  return {
    requestId: request.id,
    numbers: deposited.map((r) => ({ label: requestTitle(r), number: r.number })),
    depositedAt: formatFormalDateTime(request.submittedAt),
    email: learnerEmailOf(request.learner),
    nextStep: nextStepAfterDeposit(request.kind, withJointAnalysis, request.centre.name),
    usualDuration,
    receipt: { href: `/demandes/${request.id}/recepisse`, size: size === null ? null : formatSize(size) },
  };
}
