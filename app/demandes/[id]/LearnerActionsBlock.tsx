import { ResubmitRequest, SubmitDraft, WithdrawRequest } from "@/components/requests/LearnerActions";
import type { RequestDetail } from "@/lib/requests/queries";

/** What the learner can do now with the request, depending on its state. */
export function LearnerActions({ request, linked, open, isDraft }: { request: RequestDetail; linked: RequestDetail | null; open: boolean; isDraft: boolean }) {
  const correction = [request, linked].find((r) => r?.state === "CORRECTION_REQUESTED") ?? null;
  if (!isDraft && !open && !correction) return null;
  return (
    <section aria-labelledby="actions" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="actions" className="text-lg font-semibold">
        {isDraft ? "Déposer la demande" : "Actions"}
      </h2>
      <div className="mt-3 space-y-4">
        {isDraft ? (
          <>
            <p>
              Vérifiez votre demande puis déposez-la : elle sera transmise à votre centre d&apos;inscription et vous recevrez un récépissé. Tout est
              vérifié de nouveau au dépôt.
            </p>
            <SubmitDraft requestId={request.id} version={request.version} label={linked ? "Déposer les deux demandes" : "Déposer la demande"} />
          </>
        ) : null}
        {correction ? (
          <>
            <p>Complétez ou corrigez votre dossier comme demandé ci-dessus, puis renvoyez-le : il revient au même gestionnaire.</p>
            <ResubmitRequest requestId={correction.id} version={correction.version} />
          </>
        ) : null}
        {open ? <WithdrawRequest requestId={request.id} version={request.version} /> : null}
      </div>
    </section>
  );
}
