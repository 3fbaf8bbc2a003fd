import type { Metadata } from "next";
import Link from "next/link";
import { ACTION_LABELS, journalFilterSchema, parseJournalFilters, readJournal, type JournalFilters } from "@/lib/admin/journal";
import { fieldErrorsFrom, maxLengthFor } from "@/lib/shared/forms";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { requireUser } from "@/lib/auth/session";
import { formatDateTimeSeconds } from "@/lib/shared/dates";

export const metadata: Metadata = { title: "Journal d'audit – Administration" };

function pageLink(filters: JournalFilters, avant: number | null): string {
  const params = new URLSearchParams();
  for (const key of ["acteur", "action", "demande", "du", "au"] as const) if (filters[key]) params.set(key, filters[key]);
  if (avant) params.set("avant", String(avant));
  const query = params.toString();
  return `/admin/journal${query ? `?${query}` : ""}#resultats`;
}

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ space: "admin" });
  const params = await searchParams;
  const parsed = parseJournalFilters(params);
  const errors = parsed.success ? {} : fieldErrorsFrom<keyof JournalFilters>(parsed.error.issues);
  const raw = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  const journal = parsed.success ? await readJournal(parsed.data) : null;
  const filtered = parsed.success && ["acteur", "action", "demande", "du", "au"].some((key) => parsed.data[key as keyof JournalFilters]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Journal d&apos;audit</h1>
      <p className="text-slate-700">Chaque action des personnels, de la plus récente à la plus ancienne. Les heures sont celles de Paris.</p>

      <form method="get" action="/admin/journal" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
        <fieldset>
          <legend className="mb-3 text-lg font-semibold">Filtrer</legend>
          <div className="grid gap-4 md:grid-cols-3">
            <TextField label="Identifiant de l'auteur" name="acteur" maxLength={maxLengthFor(journalFilterSchema, "acteur")} defaultValue={raw("acteur")} hint="Par exemple nadia.leroy." autoCapitalize="none" spellCheck={false} optional error={errors.acteur} />
            <SelectField label="Action" name="action" defaultValue={raw("action")} optional error={errors.action}>
              <option value="">Toutes les actions</option>
              {Object.entries(ACTION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextField label="Numéro de demande" name="demande" maxLength={maxLengthFor(journalFilterSchema, "demande")} defaultValue={raw("demande")} hint="Par exemple D3-2026-000123." optional error={errors.demande} />
            <TextField label="Du" name="du" type="date" defaultValue={raw("du")} optional error={errors.du} />
            <TextField label="Au (inclus)" name="au" type="date" defaultValue={raw("au")} optional error={errors.au} />
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <Button type="submit">Afficher</Button>
            {filtered ? <Link href="/admin/journal">Effacer les filtres</Link> : null}
          </div>
        </fieldset>
      </form>

      {!journal ? (
        <Alert tone="error">Corrigez les filtres signalés.</Alert>
      ) : (
        <section id="resultats" aria-labelledby="results-title" className="space-y-3">
          <h2 id="results-title" className="text-lg font-semibold">
            {parsed.success && parsed.data.avant ? "Entrées plus anciennes" : "Entrées les plus récentes"}
          </h2>
          {journal.entries.length === 0 ? (
            <p>Aucune entrée ne correspond{filtered ? " à ces filtres" : ""}.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="group" aria-label="Tableau défilant du journal d'audit">
              <table className="w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Journal d&apos;audit : {journal.entries.length} entrées, de la plus récente à la plus ancienne</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="p-2">Date</th>
                    <th scope="col" className="p-2">Auteur</th>
                    <th scope="col" className="p-2">Action</th>
                    <th scope="col" className="p-2">Demande</th>
                    <th scope="col" className="p-2">Adresse IP</th>
                  </tr>
                </thead>
                <tbody>
                  {journal.entries.map((entry) => (
                    <tr key={entry.id} className="border-b border-slate-200 align-top">
                      <th scope="row" className="whitespace-nowrap p-2 font-normal">
                        <time dateTime={entry.at.toISOString()}>{formatDateTimeSeconds(entry.at)}</time>
                      </th>
                      <td className="p-2">
                        {entry.actor ? (
                          <>
                            {entry.actor.displayName}
                            <span className="block font-mono text-slate-700">{entry.actor.identifier}</span>
                          </>
                        ) : (
                          "Compte supprimé"
                        )}
                        <span className="block text-slate-700">{entry.actorRole}</span>
                      </td>
                      <td className="p-2">
                        {entry.actionLabel}
                        {entry.summary ? <span className="block text-slate-700">{entry.summary}</span> : null}
                      </td>
                      <td className="whitespace-nowrap p-2">{entry.request ? (entry.request.number ?? "brouillon") : "—"}</td>
                      <td className="p-2 font-mono">{entry.ip ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Pages du journal" className="flex flex-wrap gap-6">
            {parsed.success && parsed.data.avant ? <Link href={pageLink(parsed.data, null)}>Revenir aux plus récentes</Link> : null}
            {journal.olderCursor && parsed.success ? <Link href={pageLink(parsed.data, journal.olderCursor)}>Entrées plus anciennes</Link> : null}
          </nav>
        </section>
      )}
    </div>
  );
}
