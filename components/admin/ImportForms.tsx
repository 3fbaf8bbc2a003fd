"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { importCatalogueFormAction, importResultsFormAction } from "@/lib/admin/actions";
import type { CatalogueImportReport } from "@/lib/admin/catalogue-import";
import type { ResultsImportReport } from "@/lib/admin/results-import";
import type { Result } from "@/lib/shared/result";
import { countOf, plural } from "@/lib/shared/text";

type ImportState<R> = Result<{ report: R; fileName: string }> | null;
type CatalogueImportState = ImportState<CatalogueImportReport>;
type ResultsImportState = ImportState<ResultsImportReport>;

const number = new Intl.NumberFormat("fr-FR");

function FileInput({ label, hint, accept }: { label: string; hint: string; accept: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
        {hint}
      </p>
      <input id={id} name="fichier" type="file" accept={accept} required aria-describedby={`${id}-hint`} className="mt-2 block w-full text-base file:mr-3 file:rounded file:border file:border-slate-500 file:bg-white file:px-3 file:py-2" />
    </div>
  );
}

/** Every problem of a rejected file, in a table the screen reader can walk through. */
function ProblemTable({ caption, columns, rows }: { caption: string; columns: [string, string]; rows: [string, string][] }) {
  if (rows.length === 0) return null;
  return (
    <div className="mt-3 max-h-96 overflow-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="p-2">{columns[0]}</th>
            <th scope="col" className="p-2">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([where, what], index) => (
            <tr key={index} className="border-b border-slate-200">
              <th scope="row" className="whitespace-nowrap p-2 font-mono font-normal">{where}</th>
              <td className="p-2">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CatalogueReport({ state }: { state: CatalogueImportState }) {
  if (!state) return null;
  if (!state.ok) return <Alert tone="error">{state.fieldErrors?.fichier ?? state.message}</Alert>;
  const { report, fileName } = state.value;
  if (report.ok) {
    return (
      <Alert tone="success" title={`Catalogue importé depuis ${fileName}`}>
        {number.format(report.diplomas)} diplômes (dont {number.format(report.requestable)} demandables), {number.format(report.units)} unités, {number.format(report.centres)} centres enregistrés.
      </Alert>
    );
  }
  return (
    <Alert tone="error" title={`${fileName} : rien n'a été importé`}>
      <p>{"message" in report ? report.message : `${countOf(report.errors.length, "erreur")} à corriger dans le fichier, puis importez-le à nouveau.`}</p>
      <ProblemTable caption="Erreurs du catalogue" columns={["Emplacement", "Erreur"]} rows={report.errors.map((e) => [e.path, e.message])} />
    </Alert>
  );
}

function ResultsReport({ state }: { state: ResultsImportState }) {
  if (!state) return null;
  if (!state.ok) return <Alert tone="error">{state.fieldErrors?.fichier ?? state.message}</Alert>;
  const { report, fileName } = state.value;
  if (report.ok) {
    return (
      <Alert tone="success" title={`Résultats importés depuis ${fileName}`}>
        {countOf(report.rows, "résultat")} {plural(report.rows, "enregistré")} pour {countOf(report.learners, "auditeur")}.
      </Alert>
    );
  }
  const where = report.format === "json" ? "Élément" : "Ligne";
  return (
    <Alert tone="error" title={`${fileName} : rien n'a été importé`}>
      <p>{report.message}</p>
      <ProblemTable
        caption={`${countOf(report.rejected.length, "ligne")} ${plural(report.rejected.length, "refusée")}`}
        columns={[where, "Motif"]}
        rows={report.rejected.map((r) => [String(r.line), r.message])}
      />
    </Alert>
  );
}

export function CatalogueImportForm() {
  const [state, action, pending] = useActionState(importCatalogueFormAction, null);
  return (
    <form action={action} className="space-y-4">
      <FileInput label="Fichier du catalogue (JSON)" hint="Le fichier du catalogue des diplômes du Cnam (diplômes, unités et centres), tel qu'il est fourni par la direction nationale. Diplômes, unités et centres sont ajoutés ou mis à jour, jamais supprimés." accept=".json,application/json" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Import en cours…" : "Importer le catalogue"}
      </Button>
      <div>
        <CatalogueReport state={state} />
      </div>
    </form>
  );
}

export function ResultsImportForm() {
  const [state, action, pending] = useActionState(importResultsFormAction, null);
  return (
    <form action={action} className="space-y-4">
      <FileInput
        label="Fichier des résultats (CSV ou JSON)"
        hint="CSV en UTF-8, séparé par « ; » ou « , », avec l'en-tête numero_auditeur;ue;annee;note;mode;centre. Mode : PASSED (ou réussie), EQUIVALENCE (ou équivalence), VES, VAE. La colonne ue donne le code de l'unité d'enseignement. Note sur 20, obligatoire pour une unité réussie."
        accept=".csv,.json,text/csv,application/json"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Import en cours…" : "Importer les résultats"}
      </Button>
      <div>
        <ResultsReport state={state} />
      </div>
    </form>
  );
}
