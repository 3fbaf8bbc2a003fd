import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { EligibilityView } from "@/components/requests/EligibilityView";
import { ExperienceList } from "@/components/requests/ExperienceList";
import { maxLengthFor } from "@/lib/shared/forms";
import { messageSchema } from "@/lib/requests/schemas";
import { ReceiptDownload } from "@/components/documents/DocumentDownload";
import { LiveRequest } from "@/components/requests/LiveRequest";
import { liveSubject } from "@/lib/requests/domain/live-announcement";
import { RequestHistory } from "@/components/requests/RequestHistory";
import { StepsPanel } from "@/components/requests/StepsPanel";
import { assessExperience, computeExperience, durationInWords } from "@/lib/catalogue/domain/experience";
import { ROLE_LABELS } from "@/lib/auth/domain/policy";
import { STATE_LABELS, requestTitle, type TransitionName } from "@/lib/requests/domain/request-lifecycle";
import { getRequestForViewer, type RequestDetail } from "@/lib/requests/queries";
import type { StaffSpace } from "@/lib/requests/domain/commands";
import { staffRequestContext, type StaffActor, type StaffRequestContext } from "@/lib/requests/staff-requests";
import { CENTRE_OPINION_LABELS } from "@/lib/requests/schemas";
import { jointAnalysisNote } from "@/lib/requests/domain/linked-requests";
import { ActionsPanel } from "./ActionsPanel";
import { MessageThread } from "./MessageThread";
import { StaffDocuments } from "./StaffDocuments";
import { toThreadMessages } from "./thread-messages";
import { formatCalendarDate, formatDateTime } from "@/lib/shared/dates";

/** The request, its joint counterpart and what the actor can do now; null when the actor may not see it (or it does not exist). */
export async function loadStaffRequest(actor: StaffActor, requestId: string) {
  const viewer = { id: actor.id, role: actor.role, centreCode: actor.centreCode };
  const [found, context] = await Promise.all([getRequestForViewer(viewer, requestId), staffRequestContext(viewer, requestId)]);
  return found && context ? { ...found, context } : null;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadStaffRequest>>>;

const OBTAINED_BY: Record<string, string> = { PASSED: "Réussie", EQUIVALENCE: "Équivalence", VES: "VES", VAE: "VAE" };
const OUTCOME_LABELS: Record<string, string> = {
  FAVOURABLE: "Favorable",
  FAVOURABLE_WITH_CONDITION: "Favorable sous condition",
  UNFAVOURABLE: "Défavorable",
};
const SPACE_HOME: Record<StaffSpace, { href: string; label: string }> = {
  centre: { href: "/centre", label: "Espace centre" },
  national: { href: "/national", label: "Service national" },
};

/** A history longer than this is folded on the staff's page. */
const HISTORY_OPEN_ROWS = 6;

function learnerName(request: RequestDetail): string {
  const profile = request.learner.profile;
  if (!profile) return request.learner.identifier;
  return `${profile.firstNames} ${profile.usageName ?? profile.birthName}`;
}

/** The last history row of a transition, with its payload read as a record. */
function lastEvent(request: RequestDetail, transition: TransitionName) {
  const event = request.events.findLast((e) => e.transition === transition);
  return event ? { ...event, data: (event.payload ?? {}) as Record<string, string | number | undefined> } : null;
}

function Section({ id, title, children, aside }: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** A definition list; compact: each term beside its value even on a phone (short values only). */
function Facts({ items, compact = false }: { items: [string, ReactNode][]; compact?: boolean }) {
  return (
    // minmax(0, 1fr) and break-words: a long value (an email address) wraps instead of widening the page at 320 px.
    <dl className={compact ? "grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 sm:gap-x-6" : "grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-1 sm:grid-cols-[max-content_minmax(0,1fr)]"}>
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The staff's page of one request, for the centre and the national level alike: everything needed
 * to instruct it (the learner, their results and the eligibility recomputed now, the experience
 * measured against the diploma's rule, the documents with their preview and review, the messages,
 * the history with names) and the actions open to the actor now. Updated live when someone acts.
 */
export function StaffRequestView({ space, request, linked, context }: { space: StaffSpace } & Loaded) {
  const base = `/${space}/demandes`;
  const analysis = request.kind === "EXPERIENCE" ? request : linked;
  const rule = request.diploma.definition.experience;
  const diplomaRequest = request.kind === "DIPLOMA" ? request : linked;
  const messages = toThreadMessages([request, linked], (m) => `${m.author.displayName} (${ROLE_LABELS[m.author.role]})`);
  return (
    <div className="space-y-6">
      <LiveRequest requestId={request.id} version={request.version} state={request.state} subject={liveSubject(request, "staff")} />
      {linked ? <LiveRequest requestId={linked.id} version={linked.version} state={linked.state} subject={liveSubject(linked, "staff")} /> : null}
      <p>
        <Link href={SPACE_HOME[space].href}>← {SPACE_HOME[space].label}</Link>
      </p>
      <RequestHeader request={request} />

      {/*
        Compact for the agent: the state, the learner and the diploma (header), then what can be done
        now and what was decided, then the steps; the file's details after, the history folded. The
        steps sit in a right-hand column on a wide screen, in the same reading order.
      */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-1">
          <ActionsPanel
            space={space}
            requestId={request.id}
            version={request.version}
            available={context.availableActions}
            colleagues={context.colleagues}
            experienceUnits={context.experienceUnits}
          />
          <DecisionsSection request={request} />
          {linked ? <LinkedRequest request={request} linked={linked} href={`${base}/${linked.id}`} requirementMet={context.experienceRequirementMet} /> : null}
        </div>

        <aside aria-labelledby="etapes" className="min-w-0 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <StepsPanel request={request} linked={linked} />
          <ReceiptDownload request={request} linked={linked} />
        </aside>

        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-2">
          <LearnerSection request={request} />
          <ResultsSection request={request} context={context} />
          {analysis ? (
            <Section id="experience" title="Expérience professionnelle">
              <ExperienceSection analysis={analysis} rule={rule} />
            </Section>
          ) : null}
          {analysis ? (
            <Section id="pieces" title="Pièces justificatives">
              {analysis.id === request.id ? null : (
                <p className="mb-3 text-sm text-slate-700">
                  Pièces de l&apos;analyse conjointe : elles s&apos;instruisent sur <Link href={`${base}/${analysis.id}`}>la page de l&apos;analyse</Link>.
                </p>
              )}
              <StaffDocuments
                space={space}
                requestId={request.id}
                canReview={analysis.id === request.id && context.availableActions.includes("reviewDocument")}
                documents={analysis.documents.map((d) => ({ ...d, uploadedAt: formatDateTime(d.uploadedAt) }))}
              />
            </Section>
          ) : null}
          {request.kind === "DIPLOMA" && request.documents.length > 0 ? (
            // The pieces named in a correction of the diploma request, sent on the request itself.
            <Section id="pieces-diplome" title="Pièces de la demande de diplôme">
              <StaffDocuments
                space={space}
                requestId={request.id}
                canReview={context.availableActions.includes("reviewDocument")}
                documents={request.documents.map((d) => ({ ...d, uploadedAt: formatDateTime(d.uploadedAt) }))}
              />
            </Section>
          ) : null}
          <MessageThread
            // Learners read and write on their diploma request, joint analysis included: so do the staff.
            requestId={diplomaRequest?.id ?? request.id}
            messages={messages}
            sender={space}
            canWrite={context.availableActions.includes("postMessage")}
            bodyMax={maxLengthFor(messageSchema, "body")}
          />
          <RequestHistory events={request.events} showActorNames foldAfter={HISTORY_OPEN_ROWS} />
        </div>
      </div>
    </div>
  );
}

function RequestHeader({ request }: { request: RequestDetail }) {
  const diplomaNumber = lastEvent(request, "recordEdition")?.data.diplomaNumber;
  const facts: [string, ReactNode][] = [
    ["État", <strong key="state" data-testid="staff-state">{STATE_LABELS[request.state]}</strong>],
    ["Gestionnaire", request.assignedAgent?.displayName ?? "Personne pour l'instant"],
    ["Centre", request.centre.name],
  ];
  if (request.submittedAt) facts.push(["Déposée le", formatDateTime(request.submittedAt)]);
  if (request.forwardedAt) facts.push(["Transmise le", formatDateTime(request.forwardedAt)]);
  if (diplomaNumber) facts.push(["Numéro du diplôme", String(diplomaNumber)]);
  return (
    <div className="space-y-3">
      <div>
        <p className="text-sm font-semibold text-brand-800">{request.number}</p>
        <h1 className="text-2xl font-bold">
          {requestTitle(request)} – {learnerName(request)}
        </h1>
        <p className="text-lg">
          {request.diploma.code ? `${request.diploma.code} – ` : ""}
          {request.diploma.title}
        </p>
      </div>
      <Facts items={facts} compact />
    </div>
  );
}

/** What the centre, the national level and the jury said, as recorded in the history. */
function DecisionsSection({ request }: { request: RequestDetail }) {
  const forward = lastEvent(request, "forward");
  const correction = request.state === "CORRECTION_REQUESTED" ? lastEvent(request, "askForCorrection") : null;
  const decision = lastEvent(request, "decideExperience");
  const refusal = request.state === "REFUSED" ? lastEvent(request, "refuse") : null;
  const items: [string, ReactNode][] = [];
  if (correction) items.push(["Complément demandé", <Quote key="c" who={correction.actor?.displayName} at={correction.at} text={correction.comment} />]);
  if (forward) {
    const opinion = CENTRE_OPINION_LABELS[forward.data.centreOpinion as keyof typeof CENTRE_OPINION_LABELS] ?? "—";
    items.push(["Avis du centre", <Quote key="f" label={opinion} who={forward.actor?.displayName} at={forward.at} text={forward.comment} />]);
  }
  if (decision) {
    const months = decision.data.internshipMonths;
    const label = `${OUTCOME_LABELS[String(decision.data.outcome)] ?? STATE_LABELS[decision.toState]}${months ? ` : stage de ${months} mois` : ""}`;
    items.push(["Décision du jury", <Quote key="d" label={label} who={decision.actor?.displayName} at={decision.at} text={decision.comment} />]);
  }
  if (refusal) items.push(["Motif du refus", <Quote key="r" who={refusal.actor?.displayName} at={refusal.at} text={refusal.comment} />]);
  if (items.length === 0) return null;
  return (
    <Section id="avis" title="Avis et décisions">
      <Facts items={items} />
    </Section>
  );
}

function Quote({ label, who, at, text }: { label?: string; who?: string; at: Date; text: string | null }) {
  return (
    <div>
      {label ? <p className="font-semibold">{label}</p> : null}
      {text ? <p className="whitespace-pre-line">« {text} »</p> : null}
      <p className="text-sm text-slate-700">
        {who ? `${who}, ` : ""}le {formatDateTime(at)}
      </p>
    </div>
  );
}

function LinkedRequest({ request, linked, href, requirementMet }: { request: RequestDetail; linked: RequestDetail; href: string; requirementMet: boolean | null }) {
  const note = request.kind === "DIPLOMA" ? jointAnalysisNote(linked.state, requirementMet) : null;
  const title = request.kind === "DIPLOMA" ? "Analyse de l'expérience conjointe" : "Demande de diplôme liée";
  return (
    <Section id="liee" title={title}>
      <p>
        <Link href={href}>
          {linked.number ?? requestTitle(linked)} – {requestTitle(linked)}
        </Link>{" "}
        : {STATE_LABELS[linked.state]}
        {linked.assignedAgent ? `, gestionnaire ${linked.assignedAgent.displayName}` : ""}.
      </p>
      {note ? (
        <p className="mt-1 text-sm text-slate-700" data-testid="joint-analysis-note">
          {note}
        </p>
      ) : null}
    </Section>
  );
}

function LearnerSection({ request }: { request: RequestDetail }) {
  const profile = request.learner.profile;
  return (
    <Section id="auditeur" title="Auditeur">
      {profile ? (
        <Facts
          items={[
            ["Nom", `${profile.civility === "MADAME" ? "Mme" : "M."} ${profile.firstNames} ${profile.usageName ?? profile.birthName}`],
            ["Nom de naissance", profile.birthName],
            ["Numéro d'auditeur", profile.learnerNumber],
            ["Identifiant ENF", request.learner.identifier],
            ["Date de naissance", formatCalendarDate(profile.birthDate)],
            ["Courriel", <a key="mail" href={`mailto:${profile.email}`}>{profile.email}</a>],
            ["Centre d'inscription", request.centre.name],
          ]}
        />
      ) : (
        <p>Profil non renseigné ({request.learner.identifier}).</p>
      )}
    </Section>
  );
}

function ResultsSection({ request, context }: { request: RequestDetail; context: StaffRequestContext }) {
  const verdict = context.eligibility;
  return (
    <Section id="resultats" title="Résultats et éligibilité">
      {context.results.length === 0 ? (
        <p>Aucun résultat enregistré pour cet auditeur.</p>
      ) : (
        // Wider than a phone: it scrolls in its own box, which the keyboard can reach (RGAA 10.11, 7.3).
        <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des résultats de l'auditeur">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Résultats de l&apos;auditeur</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Unité</th>
                <th scope="col" className="py-2 pr-3">Intitulé</th>
                <th scope="col" className="py-2 pr-3">Année</th>
                <th scope="col" className="py-2 pr-3">Note</th>
                <th scope="col" className="py-2 pr-3">Obtention</th>
                <th scope="col" className="py-2">Centre</th>
              </tr>
            </thead>
            <tbody>
              {context.results.map((r) => (
                <tr key={`${r.unitCode}-${r.year}`} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1.5 pr-3 font-medium">{r.unitCode}</th>
                  <td className="py-1.5 pr-3">{r.title ?? "—"}</td>
                  <td className="py-1.5 pr-3">{r.year}</td>
                  <td className="py-1.5 pr-3">{r.grade === null ? "—" : `${r.grade.toLocaleString("fr-FR")}/20`}</td>
                  <td className="py-1.5 pr-3">{OBTAINED_BY[r.obtainedBy] ?? r.obtainedBy}</td>
                  <td className="py-1.5">{r.centreCode ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="mt-5 font-semibold">Éligibilité, recalculée à partir des résultats actuels</h3>
      {verdict ? (
        <>
          <p className="mt-1" data-testid="staff-eligibility">
            {verdict.allUnitsObtained ? "Toutes les unités du diplôme sont obtenues." : `Unités manquantes : ${verdict.missing.join(" ; ")}`}
            {request.kind === "DIPLOMA" && context.experienceRequirementMet !== null
              ? context.experienceRequirementMet
                ? " L'exigence d'expérience professionnelle est satisfaite."
                : " L'exigence d'expérience professionnelle n'est pas encore satisfaite."
              : ""}
          </p>
          {request.kind === "DIPLOMA" && request.linkedAnalysis ? (
            <p className="mt-1" data-testid="staff-linked-analysis">
              Cette demande s&apos;appuie sur l&apos;analyse anticipée {request.linkedAnalysis.number ?? ""} de l&apos;auditeur (état : {STATE_LABELS[request.linkedAnalysis.state]}) : la
              validation attend sa décision.
            </p>
          ) : null}
          <EligibilityView verdict={verdict} audience="staff" />
        </>
      ) : (
        <Alert tone="error">Ce diplôme n&apos;est plus au catalogue : l&apos;éligibilité ne peut pas être recalculée.</Alert>
      )}
    </Section>
  );
}

function ExperienceSection({ analysis, rule }: { analysis: RequestDetail; rule: RequestDetail["diploma"]["definition"]["experience"] }) {
  const assessment = assessExperience(analysis.experiences, rule, { route: analysis.experienceRoute, early: analysis.mode === "ANTICIPEE" });
  const route = rule.kind === "required" ? rule.routes?.find((candidate) => candidate.id === analysis.experienceRoute) : undefined;
  return (
    <div className="space-y-3">
      {rule.kind === "required" ? <p className="text-sm text-slate-700">Règle du diplôme : {rule.ruleText}</p> : null}
      {rule.kind === "required" && rule.routes ? <p className="text-sm">Parcours indiqué par l&apos;auditeur : {route ? route.label : "non indiqué"}</p> : null}
      {assessment.ok ? (
        <div className="rounded bg-slate-50 p-3" data-testid="staff-experience-assessment">
          <p className="font-medium">{assessment.assessment.summary}</p>
          <p className="text-sm">{assessment.assessment.advice}</p>
        </div>
      ) : (
        <Alert tone="error">Des périodes déclarées sont invalides : la durée ne peut pas être calculée.</Alert>
      )}
      {analysis.experiences.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label="Durée de chaque expérience en équivalent temps plein">
          {analysis.experiences.map((e) => {
            const computed = computeExperience([e]);
            return (
              <li key={e.id}>
                {e.jobTitle} – {e.employer} : {computed.ok ? `${durationInWords(computed.totals.totalMonths)} en équivalent temps plein` : "période invalide"}
              </li>
            );
          })}
        </ul>
      ) : null}
      <ExperienceList experiences={analysis.experiences} />
    </div>
  );
}
