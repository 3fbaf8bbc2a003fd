import { RestartRequest, ResubmitRequest, SendInternshipProof, SubmitDraft, WithdrawRequest } from "@/components/requests/LearnerActions";
import { DepositSummary } from "@/components/requests/DepositSummary";
import { learnerCommands } from "@/lib/requests/domain/commands";
import type { RequestDetail } from "@/lib/requests/queries";
import { resubmitSchema, withdrawSchema } from "@/lib/requests/schemas";
import { maxLengthFor } from "@/lib/shared/forms";

type Shown = Pick<RequestDetail, "kind" | "mode" | "state" | "version">;

const snapshot = (request: Shown) =>
  request.kind === "EXPERIENCE"
    ? { kind: "EXPERIENCE" as const, mode: request.mode ?? ("ANTICIPEE" as const), state: request.state, version: request.version }
    : { kind: "DIPLOMA" as const, state: request.state, version: request.version };

/**
 * What the learner can do now with the request: exactly the commands the state machine accepts from
 * them, and, once it is closed without success, starting a new request from it (restart: what the
 * new draft would carry over, counted by the page).
 */
export function LearnerActions({
  request,
  linked,
  restart = null,
}: {
  request: RequestDetail;
  linked: RequestDetail | null;
  restart?: { experiences: number; documents: number } | null;
}) {
  const commands = learnerCommands(snapshot(request));
  const correction = [request, linked].find((r) => r && learnerCommands(snapshot(r)).includes("resubmit")) ?? null;
  const proof = [request, linked].find((r) => r && learnerCommands(snapshot(r)).includes("sendInternshipProof")) ?? null;
  const canSubmit = commands.includes("submit");
  const canWithdraw = commands.includes("withdraw");
  if (!canSubmit && !canWithdraw && !correction && !proof && !restart) return null;
  return (
    <section aria-labelledby="actions" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="actions" className="text-lg font-semibold">
        {canSubmit ? "Déposer la demande" : "Actions"}
      </h2>
      <div className="mt-3 space-y-4">
        {canSubmit ? (
          <>
            <p>
              Vérifiez ce que vous allez envoyer, puis déposez votre demande : elle sera transmise à votre centre d&apos;inscription et vous recevrez un
              récépissé. Vous ne pourrez plus la modifier, sauf si votre centre vous demande un complément.
            </p>
            <DepositSummary request={request} linked={linked} />
            <SubmitDraft requestId={request.id} version={request.version} label={linked ? "Déposer les deux demandes" : "Déposer la demande"} />
          </>
        ) : null}
        {correction ? (
          <>
            <p>Complétez ou corrigez votre dossier comme demandé ci-dessus, puis renvoyez-le : il revient au même gestionnaire.</p>
            <ResubmitRequest requestId={correction.id} version={correction.version} commentMax={maxLengthFor(resubmitSchema, "comment")} />
          </>
        ) : null}
        {proof ? (
          <>
            <p>
              Une fois le stage effectué, joignez ci-dessus la convention de stage et le rapport de stage, puis envoyez-les : votre centre vérifiera que
              la condition du jury est remplie.
            </p>
            <SendInternshipProof requestId={proof.id} version={proof.version} />
          </>
        ) : null}
        {canWithdraw ? <WithdrawRequest requestId={request.id} version={request.version} reasonMax={maxLengthFor(withdrawSchema, "reason")} /> : null}
        {restart ? (
          <>
            <p>Cette demande est close. Vous pouvez en faire une nouvelle pour le même diplôme, en reprenant vos expériences et vos pièces.</p>
            <RestartRequest requestId={request.id} experiences={restart.experiences} documents={restart.documents} />
          </>
        ) : null}
      </div>
    </section>
  );
}
