import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { EligibilityView } from "@/components/requests/EligibilityView";
import { StartRequestButton } from "@/components/requests/StartRequestButton";
import { learnerEligibility } from "@/lib/requests/learner-requests";
import { openAnalysisFor } from "@/lib/requests/queries";
import { STATE_LABELS } from "@/lib/requests/domain/request-lifecycle";
import { requireUser } from "@/lib/auth/session";
import { idParam, safeDecode } from "@/lib/shared/params";

export const metadata: Metadata = { title: "Ma situation pour ce diplôme" };

export default async function DiplomaEligibilityPage({ params }: { params: Promise<{ diploma: string }> }) {
  const user = await requireUser({ space: "auditeur" });
  const { diploma: key } = await params;
  // Next hands the segment percent-encoded: a key with a `~` arrives as `%7E`.
  const decoded = safeDecode(key);
  const diplomaKey = decoded === null ? null : idParam(decoded);
  const found = diplomaKey ? await learnerEligibility(user.id, diplomaKey) : null;
  if (!found) notFound();
  const { diploma, verdict } = found;
  // One analysis of the experience at a time: an analysis under way is followed, not started again.
  const openAnalysis = await openAnalysisFor(user.id, diploma.key);
  const analysisLink = openAnalysis ? `/demandes/${openAnalysis.diplomaRequestId ?? openAnalysis.id}` : null;
  const experienceRule = diploma.experience;

  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/auditeur/nouvelle-demande">← Choisir un autre diplôme</Link>
      </p>
      <div>
        <p className="text-sm font-semibold text-brand-800">{diploma.code ?? "Sans code connu"}</p>
        <h1 className="text-2xl font-bold">{diploma.title}</h1>
        {diploma.level ? <p className="text-slate-700">{diploma.level}</p> : null}
      </div>

      {!diploma.requestable ? (
        <Alert tone="info" title="Ce diplôme ne peut pas encore être demandé en ligne">
          <p>{diploma.notRequestableReason}</p>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="situation" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="situation" className="text-lg font-semibold">
              Votre situation, d&apos;après vos résultats
            </h2>
            <EligibilityView verdict={verdict} />
            {experienceRule.kind === "required" ? <p className="mt-3 text-sm text-slate-700">Règle d&apos;expérience : {experienceRule.ruleText}</p> : null}
          </section>

          <section aria-labelledby="demandes-possibles" className="space-y-4">
            <h2 id="demandes-possibles" className="text-lg font-semibold">
              Ce que vous pouvez demander
            </h2>
            {verdict.allUnitsObtained ? (
              <div className="rounded border border-slate-200 bg-white p-5 shadow-sm">
                <h3 className="font-semibold">Demande de délivrance de diplôme</h3>
                {verdict.needsJointExperienceAnalysis && openAnalysis?.mode === "ANTICIPEE" ? (
                  <p className="mt-1" data-testid="uses-anticipated-analysis">
                    Votre analyse anticipée {openAnalysis.number ? `n° ${openAnalysis.number} ` : ""}est en cours : elle servira à cette demande, sans
                    seconde analyse. Vous pouvez déposer la demande dès maintenant ; sa validation attendra la décision sur votre analyse.
                  </p>
                ) : verdict.needsJointExperienceAnalysis ? (
                  <p className="mt-1">
                    Votre expérience professionnelle n&apos;est pas encore validée : son analyse sera demandée en même temps (demande conjointe). Vous
                    déclarerez vos expériences et joindrez vos pièces justificatives.
                  </p>
                ) : (
                  <p className="mt-1">Toutes les conditions connues de l&apos;application sont remplies.</p>
                )}
                <div className="mt-3">
                  <StartRequestButton diplomaKey={diploma.key} kind="DIPLOMA" label="Commencer la demande de délivrance" />
                </div>
              </div>
            ) : (
              <p>
                La demande de délivrance sera possible quand vous aurez obtenu toutes les unités. Une question sur vos résultats ? Adressez-vous à votre
                centre d&apos;inscription.
              </p>
            )}
            {verdict.experience.state === "missing" && openAnalysis && analysisLink ? (
              <div className="rounded border border-slate-200 bg-white p-5 shadow-sm" data-testid="analysis-under-way">
                <h3 className="font-semibold">Analyse de votre expérience professionnelle en cours</h3>
                <p className="mt-1">
                  Votre demande d&apos;analyse {openAnalysis.number ? `n° ${openAnalysis.number} ` : ""}est à l&apos;étape « {STATE_LABELS[openAnalysis.state]} » :
                  une seule analyse à la fois pour un diplôme.
                </p>
                <p className="mt-2">
                  <Link href={analysisLink}>Suivre cette demande</Link>
                </p>
              </div>
            ) : verdict.experience.state === "missing" && !verdict.allUnitsObtained ? (
              <div className="rounded border border-slate-200 bg-white p-5 shadow-sm">
                <h3 className="font-semibold">Demande d&apos;analyse de l&apos;expérience professionnelle – analyse anticipée</h3>
                <p className="mt-1">Sans attendre la fin de vos études, faites vérifier que votre expérience convient, ou apprenez quelle durée de stage la compléterait.</p>
                <div className="mt-3">
                  <StartRequestButton diplomaKey={diploma.key} kind="EXPERIENCE" label="Commencer une analyse anticipée" />
                </div>
              </div>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
