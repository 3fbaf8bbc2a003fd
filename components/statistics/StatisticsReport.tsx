import { STATE_LABELS } from "@/lib/requests/domain/request-lifecycle";
import { formatDuration, formatDurationLong, type StepStats } from "@/lib/statistics/domain/statistics";
import { requestsPerCentre, requestsPerState, stepStatistics } from "@/lib/statistics/queries";
import { formatLongDate } from "@/lib/shared/dates";

const number = new Intl.NumberFormat("fr-FR");

const tableClass = "w-full border-collapse bg-white text-left";
const cell = "border-b border-slate-200 p-2";
const headCell = "border-b-2 border-slate-300 p-2";

// Both pass WCAG's 3:1 for graphics against white and differ in lightness too; each bar is also labelled in text.
const MEDIAN_COLOUR = "#1d4ed8";
const P90_COLOUR = "#9a3412";

/**
 * Horizontal bars of the median and the 90th percentile per step, drawn inline. The same figures
 * are in the table above it; the chart carries its own text alternative too.
 */
function StepChart({ steps }: { steps: StepStats[] }) {
  const labelWidth = 250;
  const barArea = 360;
  const rowHeight = 58;
  const top = 34;
  const width = labelWidth + barArea + 150;
  const height = top + steps.length * rowHeight;
  const max = Math.max(...steps.map((s) => s.p90Ms), 1);
  const scale = (ms: number) => Math.max(2, (ms / max) * barArea);
  const summary = steps.map((s) => `${STATE_LABELS[s.state]} : médiane ${formatDurationLong(s.medianMs)}, 9 dossiers sur 10 en ${formatDurationLong(s.p90Ms)} au plus`).join(" ; ");
  return (
    <svg role="img" aria-labelledby="step-chart-title step-chart-desc" viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl bg-white" fontSize="14" fontFamily="inherit">
      <title id="step-chart-title">Durée de chaque étape : médiane et 90e centile</title>
      <desc id="step-chart-desc">{summary}</desc>
      <g aria-hidden="true">
        <rect x={labelWidth} y={6} width={14} height={14} fill={MEDIAN_COLOUR} />
        <text x={labelWidth + 20} y={18} fill="#1f2937">Médiane</text>
        <rect x={labelWidth + 110} y={6} width={14} height={14} fill={P90_COLOUR} />
        <text x={labelWidth + 130} y={18} fill="#1f2937">9 dossiers sur 10 (90e centile)</text>
        {steps.map((step, i) => {
          const y = top + i * rowHeight;
          return (
            <g key={step.state}>
              <text x={labelWidth - 10} y={y + 26} textAnchor="end" fill="#1f2937" fontWeight="600">
                {STATE_LABELS[step.state]}
              </text>
              <rect x={labelWidth} y={y + 4} width={scale(step.medianMs)} height={18} fill={MEDIAN_COLOUR} />
              <text x={labelWidth + scale(step.medianMs) + 6} y={y + 18} fill="#1f2937">
                {formatDuration(step.medianMs)}
              </text>
              <rect x={labelWidth} y={y + 26} width={scale(step.p90Ms)} height={18} fill={P90_COLOUR} />
              <text x={labelWidth + scale(step.p90Ms) + 6} y={y + 40} fill="#1f2937">
                {formatDuration(step.p90Ms)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** The statistics of the national service and of the administration: one report, two spaces. */
export async function StatisticsReport({ now = new Date() }: { now?: Date }) {
  const [{ window, steps }, perState, perCentre] = await Promise.all([stepStatistics(now), requestsPerState(), requestsPerCentre()]);
  const totalRequests = perState.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="space-y-10">
      <section aria-labelledby="steps-title" className="space-y-4">
        <h2 id="steps-title" className="text-xl font-semibold">
          Durée des étapes
        </h2>
        <p className="text-slate-700">
          Du {formatLongDate(window.from)} au {formatLongDate(window.to)}, étapes terminées dans cette période : le temps passé dans une étape court de l&apos;entrée de la demande dans cet état à sa sortie. La médiane et le 90e centile sont des durées
          réellement observées (méthode du rang le plus proche) : la moitié des dossiers ont passé au plus la médiane dans l&apos;étape, 9 sur 10 au plus le 90e centile. Les étapes en cours ne comptent pas encore.
        </p>
        {steps.length === 0 ? (
          <p>Aucune étape terminée sur cette période.</p>
        ) : (
          <>
            <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant de la durée de chaque étape">
              <table className={tableClass}>
                <caption className="mb-2 text-left font-semibold">Durée de chaque étape sur 12 mois (j : jours, h : heures, min : minutes)</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headCell}>Étape</th>
                    <th scope="col" className={`${headCell} text-right`}>Passages terminés</th>
                    <th scope="col" className={`${headCell} text-right`}>Médiane</th>
                    <th scope="col" className={`${headCell} text-right`}>90e centile (9 dossiers sur 10 au plus)</th>
                  </tr>
                </thead>
                <tbody>
                  {steps.map((step) => (
                    <tr key={step.state}>
                      <th scope="row" className={`${cell} font-normal`}>{STATE_LABELS[step.state]}</th>
                      <td className={`${cell} text-right`}>{number.format(step.count)}</td>
                      <td className={`${cell} text-right`}>{formatDuration(step.medianMs)}</td>
                      <td className={`${cell} text-right`}>{formatDuration(step.p90Ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <StepChart steps={steps} />
          </>
        )}
      </section>

      <section aria-labelledby="states-title" className="space-y-4">
        <h2 id="states-title" className="text-xl font-semibold">
          Demandes par état
        </h2>
        {perState.length === 0 ? (
          <p>Aucune demande déposée pour l&apos;instant.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des demandes par état">
            <table className={tableClass}>
              <caption className="mb-2 text-left font-semibold">Demandes déposées selon leur état actuel ({number.format(totalRequests)} au total)</caption>
              <thead>
                <tr>
                  <th scope="col" className={headCell}>État</th>
                  <th scope="col" className={`${headCell} text-right`}>Demandes</th>
                </tr>
              </thead>
              <tbody>
                {perState.map((row) => (
                  <tr key={row.state}>
                    <th scope="row" className={`${cell} font-normal`}>{STATE_LABELS[row.state]}</th>
                    <td className={`${cell} text-right`}>{number.format(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="centres-title" className="space-y-4">
        <h2 id="centres-title" className="text-xl font-semibold">
          Demandes par centre
        </h2>
        {perCentre.length === 0 ? (
          <p>Aucune demande déposée pour l&apos;instant.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des demandes par centre">
            <table className={tableClass}>
              <caption className="mb-2 text-left font-semibold">Demandes déposées par centre d&apos;inscription, du plus au moins chargé</caption>
              <thead>
                <tr>
                  <th scope="col" className={headCell}>Centre</th>
                  <th scope="col" className={`${headCell} text-right`}>En cours</th>
                  <th scope="col" className={`${headCell} text-right`}>Terminées</th>
                  <th scope="col" className={`${headCell} text-right`}>Total</th>
                </tr>
              </thead>
              <tbody>
                {perCentre.map((row) => (
                  <tr key={row.centreCode}>
                    <th scope="row" className={`${cell} font-normal`}>{row.name}</th>
                    <td className={`${cell} text-right`}>{number.format(row.open)}</td>
                    <td className={`${cell} text-right`}>{number.format(row.closed)}</td>
                    <td className={`${cell} text-right`}>{number.format(row.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
