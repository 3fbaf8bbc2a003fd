import type { Metadata } from "next";
import { ConfirmLearnerNumberForm } from "@/components/profile/ConfirmLearnerNumberForm";
import { requireUser } from "@/lib/auth/session";
import { pendingLearnerNumbers } from "@/lib/profile/learner-number";
import { formatCalendarDate } from "@/lib/shared/dates";

export const metadata: Metadata = { title: "Numéros d'auditeur à confirmer" };

/**
 * The learners of the agent's centre whose declared learner number waits for confirmation: the
 * agent checks it against the centre's records (name, birth date and place) before confirming.
 * Results are imported only for confirmed numbers.
 */
export default async function LearnerNumbersPage() {
  const user = await requireUser({ space: "centre" });
  const pending = await pendingLearnerNumbers(user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Numéros d&apos;auditeur à confirmer</h1>
      <p className="max-w-3xl">
        Un auditeur saisit lui-même son numéro en complétant son profil : ses résultats ne lui sont attribués qu&apos;une fois ce numéro confirmé. Vérifiez dans les
        dossiers du centre que le numéro correspond bien à la personne (nom, date et lieu de naissance), puis confirmez-le.
      </p>
      {pending.length === 0 ? (
        <p>Aucun numéro n&apos;attend de confirmation.</p>
      ) : (
        // A table reads in two dimensions: it scrolls on its own on a phone, the page does not (RGAA 10.11).
        <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant des numéros d'auditeur à confirmer">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Auditeurs du centre dont le numéro attend une confirmation</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-4">Auditeur</th>
                <th scope="col" className="py-2 pr-4">Naissance</th>
                <th scope="col" className="py-2 pr-4">Numéro déclaré</th>
                <th scope="col" className="py-2">Confirmation</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((learner) => (
                <tr key={learner.userId} className="border-b align-top">
                  <td className="py-2 pr-4">
                    {learner.name}
                    <span className="block text-sm text-slate-700">{learner.email}</span>
                  </td>
                  <td className="py-2 pr-4">
                    {formatCalendarDate(learner.birthDate)} à {learner.birthCity}
                  </td>
                  <td className="py-2 pr-4">
                    <span className="font-mono">{learner.learnerNumber}</span>
                    {learner.numberConfirmedElsewhere ? <span className="block text-sm text-red-800">Déjà confirmé pour un autre compte : vérifiez l&apos;identité.</span> : null}
                  </td>
                  <td className="py-2">
                    <ConfirmLearnerNumberForm userId={learner.userId} learnerNumber={learner.learnerNumber} name={learner.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
