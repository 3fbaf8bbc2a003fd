import { LetterDownload } from "@/components/documents/DocumentDownload";
import { latestDecision, toneOf, type DecisionTone } from "@/lib/requests/letters/decision";
import { isContestable } from "@/lib/requests/letters/settings";
import { letterParagraphs, requestLabel } from "@/lib/requests/letters/wording";
import type { RequestDetail } from "@/lib/requests/queries";
import { formatLongDate } from "@/lib/shared/dates";


const TONES: Record<DecisionTone, { box: string; mark: string; word: string }> = {
  positive: { box: "border-green-700 bg-green-50", mark: "✓", word: "Décision favorable" },
  conditional: { box: "border-amber-600 bg-amber-50", mark: "!", word: "Décision sous condition" },
  negative: { box: "border-red-700 bg-red-50", mark: "✗", word: "Décision défavorable" },
};

/** One decided request: what was decided, why, what comes next, and its letter. */
function Banner({ request, other }: { request: RequestDetail; other: RequestDetail | null }) {
  const found = latestDecision(request);
  if (!found || !request.number) return null;
  const { decision, letter } = found;
  const tone = TONES[toneOf(decision)];
  const text = letterParagraphs({
    decision,
    decidedAt: letter.decidedAt,
    request: { number: request.number, kind: request.kind, mode: request.mode },
    linkedNumber: other?.number ?? null,
    learner: null,
    centre: request.centre,
    diploma: request.diploma,
    signatory: { name: "", title: "" },
    appealText: null,
  });
  const titleId = `decision-${request.id}`;
  return (
    <section aria-labelledby={titleId} className={`rounded border-l-4 px-5 py-4 ${tone.box}`} data-testid={`decision-${request.kind}`} data-tone={toneOf(decision)}>
      <h2 id={titleId} className="text-lg font-semibold">
        <span aria-hidden="true" className="mr-2">
          {tone.mark}
        </span>
        <span className="sr-only">{tone.word} : </span>
        {letter.label}
        <span className="block text-sm font-normal text-slate-800">
          {requestLabel({ number: request.number, kind: request.kind, mode: request.mode })} – décision du {formatLongDate(letter.decidedAt)}
        </span>
      </h2>
      {text.decision.slice(-1).map((paragraph) => (
        <p key={paragraph} className="mt-2">
          {paragraph}
        </p>
      ))}
      {text.detail ? (
        <div className="mt-2">
          <p className="font-semibold">{text.detail.label}</p>
          <p className="whitespace-pre-line" data-testid="decision-reason">
            {text.detail.text}
          </p>
        </div>
      ) : null}
      <div className="mt-2">
        <p className="font-semibold">Et maintenant ?</p>
        {text.next.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {isContestable(decision) ? <p className="mt-1 text-sm">Vous pouvez contester cette décision dans un délai de deux mois : le courrier indique les voies de recours.</p> : null}
      </div>
      <p className="mt-3">
        <LetterDownload request={request} letter={letter} label={`Télécharger le courrier « ${letter.label} »`} />
      </p>
    </section>
  );
}

/** At the top of a decided request's page: its decision and that of its linked request, if any. */
export function DecisionBanner({ request, linked }: { request: RequestDetail; linked: RequestDetail | null }) {
  return (
    <div className="space-y-3">
      <Banner request={request} other={linked} />
      {linked ? <Banner request={linked} other={request} /> : null}
    </div>
  );
}
