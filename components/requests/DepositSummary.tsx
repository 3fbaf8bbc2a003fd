import { depositSummary } from "@/lib/requests/domain/deposit";
import type { RequestDetail } from "@/lib/requests/queries";

/** Before « Déposer »: what the deposit sends, to whom, with each experience and each pièce by its name. */
export function DepositSummary({ request, linked }: { request: RequestDetail; linked: RequestDetail | null }) {
  const summary = depositSummary(request, linked);
  return (
    <div className="rounded border border-slate-300 bg-slate-50 p-4" data-testid="deposit-summary">
      <h3 className="font-semibold">Ce que vous allez envoyer</h3>
      <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{summary.requests.length > 1 ? "Demandes" : "Demande"}</dt>
        <dd>
          {summary.requests.length > 1 ? (
            <ul className="list-disc pl-5">
              {summary.requests.map((title) => (
                <li key={title}>{title}</li>
              ))}
            </ul>
          ) : (
            summary.requests[0]
          )}
        </dd>
        <dt className="font-medium">Diplôme</dt>
        <dd>{summary.diploma}</dd>
        <dt className="font-medium">Envoyée à</dt>
        <dd>votre centre d&apos;inscription, {summary.centre}</dd>
        {summary.experience ? (
          <>
            <dt className="font-medium">Expérience professionnelle</dt>
            <dd>
              <p>
                {summary.experience.count}
                {summary.experience.totals ? ` : ${summary.experience.totals}.` : "."}
              </p>
              {summary.experience.entries.length > 0 ? (
                <ul className="mt-1 list-disc pl-5">
                  {summary.experience.entries.map((entry, index) => (
                    <li key={index}>
                      {entry.title}, {entry.period}, {entry.time}
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Pièces jointes</dt>
        <dd>
          {summary.documents.length > 0 ? (
            <ul className="list-disc pl-5">
              {summary.documents.map((document, index) => (
                <li key={index}>
                  {document.category} : « {document.name} »
                </li>
              ))}
            </ul>
          ) : (
            "aucune"
          )}
        </dd>
      </dl>
    </div>
  );
}
