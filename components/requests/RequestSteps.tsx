import Link from "next/link";
import { progressSteps, type RequestKind, type RequestState } from "@/lib/requests/domain/request-lifecycle";
import { helpLinkForStep } from "@/lib/help/anchors";
import { formatLongDateTime } from "@/lib/shared/dates";

type Event = { toState: RequestState; fromState: RequestState; at: Date };

/**
 * A path that ends badly is not drawn as a success: a refusal or an unfavourable opinion is red
 * with a cross, a withdrawal grey; every other step keeps its done / current / to come look.
 */
function endingOf(key: RequestState | "DECISION", state: RequestState): "negative" | "closed" | null {
  if (key === "REFUSED" || (key === "DECISION" && state === "UNFAVOURABLE") || key === "UNFAVOURABLE") return "negative";
  if (key === "WITHDRAWN") return "closed";
  return null;
}

/** The name of a folded part of the list: « Étapes terminées de la demande … ». */
function partLabel(label: string, part: "terminées" | "suivantes"): string {
  return label.startsWith("Étapes") ? label.replace(/^Étapes/, `Étapes ${part}`) : `${label} : étapes ${part}`;
}

/**
 * Every step of the request's path: done (with its date), current, to come. Compact, for phones:
 * each step's help link on its label's line; while the request is under way, the current step and
 * the next one shown, the steps done before folded under « Voir les n étapes terminées » and those
 * beyond the next one under « Voir les n étapes suivantes » (lists of their own, numbered on); a
 * closed request shows its last step, the path before it folded.
 */
export function RequestSteps({ kind, state, events, label }: { kind: RequestKind; state: RequestState; events: Event[]; label: string }) {
  const last = events.at(-1);
  const steps = progressSteps(kind, state, last?.fromState);
  const reachedAt = (key: string) => {
    if (key === "DRAFT") return null;
    const candidates = key === "DECISION" ? events.filter((e) => ["FAVOURABLE", "FAVOURABLE_WITH_CONDITION", "UNFAVOURABLE"].includes(e.toState)) : events.filter((e) => e.toState === key || (key === "IN_REVIEW" && e.toState === "CORRECTION_REQUESTED"));
    return candidates.at(-1)?.at ?? null;
  };
  const current = steps.findIndex((step) => step.status === "current");
  // Fold only when it saves something: two steps or more on either side.
  // Under way: from the current step; closed: its last step (the decision, refusal or withdrawal).
  const shownFrom = current >= 0 ? current : steps.length - 1;
  const foldBefore = shownFrom >= 2 ? shownFrom : 0;
  const firstUpcoming = steps.findIndex((step) => step.status === "upcoming");
  const foldFrom = firstUpcoming >= 0 && steps.length - (firstUpcoming + 1) >= 2 ? firstUpcoming + 1 : steps.length;

  const item = (step: (typeof steps)[number], index: number) => {
    const at = step.status === "done" || step.status === "current" ? reachedAt(step.key) : null;
    const ending = endingOf(step.key, state);
    const dot =
      ending === "negative"
        ? "bg-red-700 border-red-700"
        : ending === "closed"
          ? "bg-slate-500 border-slate-500"
          : step.status === "done"
            ? "bg-green-700 border-green-700"
            : step.status === "current"
              ? "bg-white border-brand-700 border-4"
              : "bg-white border-slate-400";
    const statusText = ending === "negative" ? " (décision défavorable)" : ending === "closed" ? " (demande close)" : step.status === "done" ? " (étape terminée)" : step.status === "current" ? " (étape en cours)" : " (à venir)";
    return (
      <li key={`${step.key}-${index}`} className="relative flex gap-3 pb-3 last:pb-0" aria-current={step.status === "current" ? "step" : undefined}>
        {index < steps.length - 1 ? <span aria-hidden="true" className="absolute left-[9px] top-5 h-full w-0.5 bg-slate-300" /> : null}
        <span aria-hidden="true" className={`relative mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold text-white ${dot}`} data-ending={ending ?? undefined}>
          {ending === "negative" ? "✗" : null}
        </span>
        <div className="min-w-0">
          <p className={step.status === "current" ? "font-semibold" : step.status === "upcoming" ? "text-slate-700" : ""}>
            {step.label}
            <span className="sr-only">{statusText}</span>{" "}
            <Link href={helpLinkForStep(step.key, state)} className="whitespace-nowrap text-sm font-normal">
              En savoir plus<span className="sr-only"> sur l&apos;étape « {step.label} »</span>
            </Link>
          </p>
          {at ? <p className="text-sm text-slate-700">{step.status === "current" ? "Depuis le " : "Le "}{formatLongDateTime(at)}</p> : null}
        </div>
      </li>
    );
  };

  const folded = steps.slice(foldFrom);
  return (
    <div>
      {foldBefore > 0 ? (
        <details className="mb-3 pl-8">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">Voir les {foldBefore} étapes terminées</summary>
          <ol aria-label={partLabel(label, "terminées")} className="-ml-8 mt-3">
            {steps.slice(0, foldBefore).map((step, index) => item(step, index))}
          </ol>
        </details>
      ) : null}
      <ol aria-label={label} start={foldBefore + 1}>
        {steps.slice(foldBefore, foldFrom).map((step, index) => item(step, foldBefore + index))}
      </ol>
      {folded.length > 0 ? (
        <details className="mt-3 pl-8">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">Voir les {folded.length} étapes suivantes</summary>
          <ol aria-label={partLabel(label, "suivantes")} start={foldFrom + 1} className="-ml-8 mt-3">
            {folded.map((step, index) => item(step, foldFrom + index))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
