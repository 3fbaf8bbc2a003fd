import type { Metadata } from "next";
import Link from "next/link";
import { cache, type ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { DecisionBanner } from "@/components/requests/DecisionBanner";
import { DepositConfirmation } from "@/components/requests/DepositConfirmation";
import { DocumentsPanel } from "@/components/requests/DocumentsPanel";
import { ExperienceRouteChoice } from "@/components/requests/ExperienceRouteChoice";
import { ExperienceList } from "@/components/requests/ExperienceList";
import { experienceFormSchema } from "@/lib/catalogue/domain/experience-form";
import { capsOnce, maxLengthFor } from "@/lib/shared/forms";
import { messageSchema } from "@/lib/requests/schemas";
import { LearnerActions } from "@/components/requests/LearnerActionsBlock";
import { LinkedRequestsNotice } from "@/components/requests/LinkedRequestsNotice";
import { LiveRequest } from "@/components/requests/LiveRequest";
import { liveSubject } from "@/lib/requests/domain/live-announcement";
import { ExperienceEditor, MessageThread } from "@/components/requests/lazy";
import { toThreadMessages } from "@/components/staff/request/thread-messages";
import { RequestHistory } from "@/components/requests/RequestHistory";
import { StepsPanel } from "@/components/requests/StepsPanel";
import { COMPOSITION_NOT_VERIFIED } from "@/lib/catalogue/domain/eligibility";
import { assessExperience } from "@/lib/catalogue/domain/experience";
import { INTERNSHIP_PROOF_CATEGORIES, isEditableByLearner } from "@/lib/requests/domain/request-access";
import { requestedPiecesOf } from "@/lib/requests/domain/correction";
import { withShownStatus } from "@/lib/requests/domain/document-status";
import { DOCUMENT_CATEGORY_LABELS } from "@/lib/requests/domain/documents";
import { requestPageTitle } from "@/lib/requests/domain/page-titles";
import { describeState, requestTitle } from "@/lib/requests/domain/request-lifecycle";
import { LetterDownload, ReceiptDownload } from "@/components/documents/DocumentDownload";
import { decisionEvents } from "@/lib/requests/letters";
import { getRequestForViewer, type RequestDetail } from "@/lib/requests/queries";
import { isRestartable, restartPreview } from "@/lib/requests/restart";
import { requireUser } from "@/lib/auth/session";
import { helpLinkForField, helpLinkForState } from "@/lib/help/anchors";
import { usualDurationOf } from "@/lib/statistics/usual-durations";
import { formatLongDate } from "@/lib/shared/dates";
import { idParam } from "@/lib/shared/params";

type Params = { params: Promise<{ id: string }> };

/** The experience form's field caps for its editor: they do not depend on the day its schema is built for. */
const experienceCaps = capsOnce(() => experienceFormSchema());

/** The request of the page and its joint counterpart, loaded once for the title and the page. */
const loadPage = cache(async (rawId: string) => {
  const user = await requireUser({ space: "auditeur" });
  const id = idParam(rawId);
  const found = id ? await getRequestForViewer(user, id) : null;
  return { user, found };
});

/** « Demande D3-2026-000123 – Déposée »: every request page has its own title. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { found } = await loadPage((await params).id);
  return { title: found ? requestPageTitle(found.request) : "Demande introuvable" };
}

/**
 * One fact of the state, its term and its value on one line where they fit (« Qui a le dossier :
 * Vous »), so that the state and what to do take little height on a phone; `block` puts a long
 * value (a comment, a list) under its term.
 */
function Fact({ term, block = false, className, children }: { term: string; block?: boolean; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt className={block ? "font-medium" : "inline font-medium"}>{block ? term : `${term} : `}</dt>
      <dd className={`${block ? "" : "inline"} ${className ?? ""}`.trim() || undefined}>{children}</dd>
    </div>
  );
}

async function StateSummary({ request }: { request: RequestDetail }) {
  const { label, holder, learnerAction } = describeState(request.state);
  const usual = request.state === "DRAFT" ? null : await usualDurationOf(request);
  const correction = request.state === "CORRECTION_REQUESTED" ? request.events.findLast((e) => e.toState === "CORRECTION_REQUESTED") : null;
  const pieces = correction ? requestedPiecesOf(correction.payload) : [];
  return (
    <dl className="space-y-1">
      <Fact term="État">
        <span data-testid={`state-${request.kind}`} className="font-semibold">
          {label}
        </span>{" "}
        <Link href={helpLinkForState(request.state)} className="text-sm">
          (qu&apos;est-ce que cela veut dire ?)
        </Link>
      </Fact>
      {holder ? <Fact term="Qui a le dossier">{holder}</Fact> : null}
      {usual ? <Fact term="Durée habituelle de cette étape">{usual}</Fact> : null}
      {learnerAction ? (
        <Fact term="À faire de votre côté" className="font-semibold text-brand-800">
          {learnerAction}
        </Fact>
      ) : null}
      {correction?.comment ? (
        <Fact term="Demande de votre centre" block className="whitespace-pre-line">
          {correction.comment}
        </Fact>
      ) : null}
      {pieces.length > 0 ? (
        <Fact term="Pièces à joindre à cette demande" block>
          <ul className="list-disc pl-5" data-testid={`requested-pieces-${request.kind}`}>
            {pieces.map((piece) => (
              <li key={piece}>{DOCUMENT_CATEGORY_LABELS[piece]}</li>
            ))}
          </ul>
        </Fact>
      ) : null}
    </dl>
  );
}

/** "Courriers": the decision letters of the request and its joint analysis, oldest first, each as a PDF and as a web page. */
function LetterList({ request, linked }: { request: RequestDetail; linked: RequestDetail | null }) {
  const letters = [...decisionEvents(request), ...(linked ? decisionEvents(linked) : [])];
  if (letters.length === 0) return null;
  const sorted = [...letters].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.eventId - b.eventId);
  return (
    <section aria-labelledby="courriers" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="courriers" className="text-lg font-semibold">
        Courriers
      </h2>
      <ul className="mt-2 space-y-2" data-testid="letters">
        {sorted.map((letter) => (
          <li key={letter.eventId}>
            <span className="block text-sm text-slate-700">Du {formatLongDate(letter.decidedAt)}</span>
            <LetterDownload request={letter.requestId === request.id || !linked ? request : linked} letter={letter} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function RequestPage({ params }: Params) {
  const { user, found } = await loadPage((await params).id);
  if (!found) notFound();
  // A joint analysis is followed on the page of the diploma request it belongs to.
  if (found.request.diplomaRequestId) redirect(`/demandes/${found.request.diplomaRequestId}`);
  const { request, linked } = found;
  const analysis = request.kind === "EXPERIENCE" ? request : linked;
  const isDraft = request.state === "DRAFT";
  const analysisEditable = analysis !== null && isEditableByLearner(analysis.state);
  // After an opinion under condition, the learner joins the internship's agreement and report.
  const internshipProofs = !analysisEditable && analysis?.state === "FAVOURABLE_WITH_CONDITION";
  const restart = isRestartable(request.state) ? await restartPreview(user, request.id) : null;
  const rule = request.diploma.definition.experience;
  const assessment = analysis ? assessExperience(analysis.experiences, rule, { route: analysis.experienceRoute, early: analysis.mode === "ANTICIPEE" }) : null;
  // A diploma request asked for a correction receives the named pieces itself (they are not experience proofs).
  const diplomaDocuments = request.kind === "DIPLOMA" && (request.state === "CORRECTION_REQUESTED" || request.documents.length > 0);

  return (
    <div className="space-y-6 sm:space-y-8">
      <LiveRequest requestId={request.id} version={request.version} state={request.state} subject={liveSubject(request, "learner")} />
      {linked ? <LiveRequest requestId={linked.id} version={linked.version} state={linked.state} subject={liveSubject(linked, "learner")} /> : null}
      <p>
        <Link href="/auditeur">← Suivi de dossiers</Link>
      </p>
      <div>
        <p className="text-sm font-semibold text-brand-800">{request.number ?? "Brouillon – pas encore déposé"}</p>
        <h1 className="text-xl font-bold sm:text-2xl">{requestTitle(request)}</h1>
        <p className="text-lg">
          {request.diploma.code ? `${request.diploma.code} – ` : ""}
          {request.diploma.title}
        </p>
        {linked ? (
          <p className="mt-1 text-slate-700">
            Avec une demande d&apos;analyse de l&apos;expérience professionnelle conjointe{linked.number ? ` (${linked.number})` : ""}.
          </p>
        ) : null}
      </div>

      <DepositConfirmation request={request} linked={linked} />
      <DecisionBanner request={request} linked={linked} />
      <LinkedRequestsNotice request={request} />

      {/*
        Phones first, and the reading order of screen readers and the keyboard: where the request
        stands and what to do, then its steps, récépissé and letters, then the documents; the
        diploma's composition note, the experience, the actions, the messages and the history after. On a wide screen the steps sit
        in a right-hand column beside the rest, in the same order.
      */}
      <div className="grid gap-4 sm:gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:grid-rows-[auto_1fr]">
        <section aria-labelledby="ou-en-est" className="min-w-0 rounded border border-slate-200 bg-white p-4 shadow-sm sm:p-5 lg:col-start-1 lg:row-start-1">
          <h2 id="ou-en-est" className="text-lg font-semibold">
            Où en est votre dossier
          </h2>
          <div className="mt-3 space-y-4">
            <StateSummary request={request} />
            {linked ? (
              <div className="border-t border-slate-200 pt-3">
                <h3 className="font-semibold">Analyse de l&apos;expérience professionnelle (conjointe)</h3>
                <StateSummary request={linked} />
              </div>
            ) : null}
          </div>
        </section>

        <aside aria-labelledby="etapes" className="min-w-0 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <StepsPanel request={request} linked={linked} />
          <ReceiptDownload request={request} linked={linked} label="Télécharger le récépissé de dépôt" />
          <LetterList request={request} linked={linked} />
          {request.state === "DRAFT" ? (
            <Alert tone="info">Ce brouillon est enregistré : vous pouvez le reprendre plus tard depuis Suivi de dossiers.</Alert>
          ) : null}
        </aside>

        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-2">
          {analysis ? (
            <section aria-labelledby="pieces" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="pieces" className="text-lg font-semibold">
                Pièces justificatives
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                Obligatoires : votre CV et au moins une attestation d&apos;employeur ou un certificat de travail. Utiles : fiches de poste, rapport
                d&apos;activité ; pour un stage, la convention et le rapport. <Link href={helpLinkForField("documents")}>Quelles pièces fournir ?</Link>
              </p>
              <div className="mt-3">
                <DocumentsPanel
                  requestId={analysis.id}
                  editable={analysisEditable || internshipProofs}
                  documents={withShownStatus(analysis.documents, analysis.events)}
                  {...(internshipProofs ? { categories: INTERNSHIP_PROOF_CATEGORIES } : {})}
                />
              </div>
            </section>
          ) : null}

          {diplomaDocuments ? (
            <section aria-labelledby="pieces-diplome" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="pieces-diplome" className="text-lg font-semibold">
                Pièces de la demande de diplôme
              </h2>
              <p className="mt-1 text-sm text-slate-700">Les pièces que votre centre vous demande pour cette demande : joignez-les ici, puis renvoyez le dossier.</p>
              <div className="mt-3">
                <DocumentsPanel requestId={request.id} editable={request.state === "CORRECTION_REQUESTED"} documents={withShownStatus(request.documents, request.events)} />
              </div>
            </section>
          ) : null}

          {!request.diploma.definition.compositionVerified ? (
            <p className="rounded border border-slate-300 bg-slate-50 px-4 py-2 text-sm" data-testid="composition-not-verified">
              {COMPOSITION_NOT_VERIFIED}
            </p>
          ) : null}

          {analysis && assessment ? (
            <section aria-labelledby="experiences" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="experiences" className="text-lg font-semibold">
                Expérience professionnelle
              </h2>
              {assessment.ok ? (
                <div className="mt-2 rounded bg-slate-50 p-3" data-testid="experience-assessment">
                  <p className="font-medium">{assessment.assessment.summary}</p>
                  <p className="text-sm">{assessment.assessment.advice}</p>
                </div>
              ) : null}
              {rule.kind === "required" ? <p className="mt-2 text-sm text-slate-700">Règle du diplôme : {rule.ruleText}</p> : null}
              {rule.kind === "required" && rule.routes && rule.routes.length > 1 ? (
                <div className="mt-3">
                  <ExperienceRouteChoice requestId={analysis.id} routes={rule.routes} current={analysis.experienceRoute} editable={analysisEditable} />
                </div>
              ) : null}
              <div className="mt-4">
                {analysisEditable ? (
                  <ExperienceEditor requestId={analysis.id} experiences={analysis.experiences} caps={experienceCaps()} />
                ) : (
                  <ExperienceList experiences={analysis.experiences} />
                )}
              </div>
            </section>
          ) : null}

          <LearnerActions request={request} linked={linked} restart={restart} />

          {!isDraft ? (
            <MessageThread
              requestId={request.id}
              sender="auditeur"
              canWrite
              bodyMax={maxLengthFor(messageSchema, "body")}
              messages={toThreadMessages([request, linked], (m) => (m.author.role === "AUDITEUR" ? "Vous" : m.author.displayName))}
            />
          ) : null}

          {!isDraft ? <RequestHistory events={[...request.events, ...(linked?.events ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id)} /> : null}
        </div>
      </div>
    </div>
  );
}
