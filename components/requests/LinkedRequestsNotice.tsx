import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { isOpen, STATE_LABELS } from "@/lib/requests/domain/request-lifecycle";
import type { RequestDetail } from "@/lib/requests/queries";

/**
 * What ties this request to another one, said on both pages: a diploma request relying on the
 * learner's anticipated analysis (no second analysis; the validation waits for its decision), the
 * analysis serving a diploma request, a draft started again from a closed request.
 */
export function LinkedRequestsNotice({ request }: { request: Pick<RequestDetail, "kind" | "state" | "linkedAnalysis" | "linkedDiplomaRequests" | "restartedFrom"> }) {
  const analysis = request.kind === "DIPLOMA" ? request.linkedAnalysis : null;
  const diplomas = request.kind === "EXPERIENCE" ? request.linkedDiplomaRequests.filter((diploma) => diploma.state !== "DRAFT" && isOpen(diploma.state)) : [];
  const restartedFrom = request.state === "DRAFT" ? request.restartedFrom : null;
  if (!analysis && diplomas.length === 0 && !restartedFrom) return null;
  return (
    <div className="space-y-3" data-testid="linked-requests">
      {restartedFrom ? (
        <Alert tone="info" title="Demande reprise d'une demande close">
          <p>
            Vos expériences et vos pièces ont été reprises de la demande{" "}
            {restartedFrom.number ? <Link href={`/demandes/${restartedFrom.id}`}>n° {restartedFrom.number}</Link> : "précédente"}. Vérifiez-les, modifiez
            ce qui doit l&apos;être, puis déposez la demande : le dépôt vaut confirmation de leur contenu.
          </p>
        </Alert>
      ) : null}
      {analysis ? (
        <Alert tone="info" title="Votre analyse anticipée sert à cette demande">
          <p>
            Cette demande de diplôme s&apos;appuie sur votre demande d&apos;analyse anticipée{" "}
            <Link href={`/demandes/${analysis.id}`}>{analysis.number ? `n° ${analysis.number}` : ""}</Link> (état : {STATE_LABELS[analysis.state]}) : aucune
            seconde analyse n&apos;est demandée.{" "}
            {analysis.state === "FAVOURABLE"
              ? "Elle a reçu un avis favorable."
              : "Vous pouvez déposer cette demande dès maintenant ; sa validation par le service national attendra la décision sur votre analyse."}
          </p>
        </Alert>
      ) : null}
      {diplomas.map((diploma) => (
        <Alert key={diploma.id} tone="info" title="Une demande de diplôme attend cette analyse">
          <p>
            Votre demande de délivrance de diplôme <Link href={`/demandes/${diploma.id}`}>{diploma.number ? `n° ${diploma.number}` : ""}</Link> s&apos;appuie
            sur cette analyse : sa validation attend la décision. Un avis défavorable, un refus ou un abandon de cette analyse la clôturerait aussi.
          </p>
        </Alert>
      ))}
    </div>
  );
}
