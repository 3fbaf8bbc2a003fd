import { formatCalendarDate } from "@/lib/shared/dates";

export type SavedExperience = {
  id: string;
  employer: string;
  jobTitle: string;
  startDate: string;
  endDate: string;
  workingTimePercent: number;
  inField: boolean;
  activities: string;
};

/** One experience as the learner declared it. */
export function ExperienceSummary({ experience: e }: { experience: SavedExperience }) {
  return (
    <>
      <p className="font-semibold">
        {e.jobTitle} – {e.employer}
      </p>
      <p className="text-sm text-slate-700">
        Du {formatCalendarDate(e.startDate)} au {formatCalendarDate(e.endDate)}, {e.workingTimePercent} %, {e.inField ? "dans le domaine" : "hors domaine"}
      </p>
      <p className="mt-1 whitespace-pre-line text-sm">{e.activities}</p>
    </>
  );
}

/**
 * The experiences of an analysis, read-only (a submitted request, the staff's view): rendered on the
 * server, so such a page ships neither the editor nor its form library (ExperienceEditor, for a draft
 * or a correction).
 */
export function ExperienceList({ experiences }: { experiences: SavedExperience[] }) {
  if (experiences.length === 0) return <p>Aucune expérience déclarée pour l&apos;instant.</p>;
  return (
    <ul className="space-y-3">
      {experiences.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 bg-white p-4">
          <ExperienceSummary experience={e} />
        </li>
      ))}
    </ul>
  );
}
