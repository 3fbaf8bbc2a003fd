"use server";

import { revalidatePath } from "next/cache";
import { importCatalogueFile, type CatalogueImportReport } from "@/lib/admin/catalogue-import";
import { importResults, type ResultsImportReport } from "@/lib/admin/results-import";
import { MAX_IMPORT_BYTES } from "@/lib/admin/schemas";
import { adminActor } from "../admin-actor";

type Upload = { ok: true; name: string; text: string } | { ok: false; message: string };

async function readUpload(formData: FormData): Promise<Upload> {
  const file = formData.get("fichier");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choisissez un fichier à importer." };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: `Ce fichier dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo : découpez-le.` };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  if (text.includes("\uFFFD")) return { ok: false, message: "Ce fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 » puis importez-le à nouveau." };
  return { ok: true, name: file.name, text };
}

export type CatalogueImportState = { report: CatalogueImportReport; fileName: string } | { report: null; message: string } | null;
export type ResultsImportState = { report: ResultsImportReport; fileName: string } | { report: null; message: string } | null;

export async function importCatalogueAction(_previous: CatalogueImportState, formData: FormData): Promise<CatalogueImportState> {
  const actor = await adminActor();
  const upload = await readUpload(formData);
  if (!upload.ok) return { report: null, message: upload.message };
  const report = await importCatalogueFile(actor, upload.text);
  if (report.ok) revalidatePath("/admin");
  return { report, fileName: upload.name };
}

export async function importResultsAction(_previous: ResultsImportState, formData: FormData): Promise<ResultsImportState> {
  const actor = await adminActor();
  const upload = await readUpload(formData);
  if (!upload.ok) return { report: null, message: upload.message };
  const report = await importResults(actor, { name: upload.name, text: upload.text });
  if (report.ok) revalidatePath("/admin");
  return { report, fileName: upload.name };
}
