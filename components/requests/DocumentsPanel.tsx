"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { SelectField, TextField } from "@/components/ui/Field";
import { useErrorTitle } from "@/components/ui/use-error-title";
import { UploadStatus } from "@/components/ui/UploadStatus";
import { checkUploadedFile, cleanFileName, DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/requests/domain/documents";
import { downloadLabel } from "@/lib/shared/files";
import { removeDocumentAction, uploadDocumentAction } from "@/lib/requests/actions";
import type { ShownDocumentStatus } from "@/lib/requests/domain/document-status";

export type DocumentItem = {
  id: string;
  category: DocumentCategory;
  originalName: string;
  /** Its real type, as checked when it was received; the link says its format. */
  mimeType?: string;
  size: number;
  /** NOT_SENT: joined since the request was last sent (lib/requests/domain/document-status.ts). */
  status: ShownDocumentStatus;
  statusReason: string | null;
};

const STATUS_LABELS: Record<DocumentItem["status"], string> = { NOT_SENT: "Pas encore transmis", TRANSMITTED: "Transmis", VALIDATED: "Validé", REFUSED: "Refusé" };
const STATUS_TONES: Record<DocumentItem["status"], string> = {
  NOT_SENT: "border-dashed border-slate-500 text-slate-800",
  TRANSMITTED: "border-slate-500 text-slate-800",
  VALIDATED: "border-green-700 text-green-900",
  REFUSED: "border-red-700 text-red-900",
};

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
const UNAVAILABLE = "Le service est momentanément indisponible : réessayez dans quelques minutes.";

/** The file's first bytes, or null when this browser cannot read them (the server checks anyway). */
async function readHead(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.slice(0, 8).arrayBuffer());
  } catch {
    return null;
  }
}

type Errors = { category?: string; file?: string };
type Notice = { tone: "error" | "success"; text: string } | null;

/**
 * The pièces justificatives of a request: the list with download links and what the centre said
 * of each, and while the learner may still change the request, a form to add one and a button to
 * remove each. Files are checked here first (size and real type, with the server's own rule) so
 * that a wrong file is refused before it is sent; the server checks again.
 */
export function DocumentsPanel({
  requestId,
  editable,
  documents,
  categories = DOCUMENT_CATEGORIES,
}: {
  requestId: string;
  editable: boolean;
  documents: DocumentItem[];
  /** The kinds of piece the learner may add now (after an opinion under condition: the internship's agreement and report). */
  categories?: readonly DocumentCategory[];
}) {
  const [category, setCategory] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  useErrorTitle(Boolean(errors.category || errors.file));
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const [sending, setSending] = useState<{ name: string; size: number } | null>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const headingId = useId();

  // Rendered before the focus moves, so that the field is announced with its error.
  const showErrors = (found: Errors) => {
    flushSync(() => setErrors(found));
    if (found.category) categoryRef.current?.focus();
    else if (found.file) fileRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(null);
    const file = fileRef.current?.files?.[0];
    const found: Errors = {};
    if (!category) found.category = "Type de pièce : choisissez-le dans la liste.";
    if (!file) found.file = "Choisissez le fichier à joindre.";
    else {
      const head = await readHead(file);
      const check = head ? checkUploadedFile(cleanFileName(file.name), file.size, head) : null;
      if (check && !check.ok) found.file = check.message;
    }
    if (found.category || found.file) return showErrors(found);

    setErrors({});
    setPending(true);
    setSending(file ? { name: cleanFileName(file.name), size: file.size } : null);
    try {
      const data = new FormData(form);
      data.set("requestId", requestId);
      const result = await uploadDocumentAction(data);
      if (result.ok) {
        if (fileRef.current) fileRef.current.value = "";
        setCategory("");
        setNotice({ tone: "success", text: `« ${cleanFileName(file?.name ?? "")} » a été ajouté à votre demande.` });
      } else if (result.fieldErrors) {
        showErrors(result.fieldErrors);
      } else {
        setNotice({ tone: "error", text: result.message });
      }
    } catch {
      setNotice({ tone: "error", text: `${UNAVAILABLE} Si le fichier est volumineux, vérifiez qu'il fait moins de 10 Mo.` });
    } finally {
      setPending(false);
      setSending(null);
    }
  };

  const remove = async (document: DocumentItem) => {
    setNotice(null);
    setPending(true);
    try {
      const result = await removeDocumentAction({ requestId, documentId: document.id });
      setNotice(result.ok ? { tone: "success", text: `« ${document.originalName} » a été supprimé.` } : { tone: "error", text: result.message });
    } catch {
      setNotice({ tone: "error", text: UNAVAILABLE });
    } finally {
      setPending(false);
      // The removed button is gone: keep the keyboard user in the panel, on the message.
      noticeRef.current?.focus();
    }
  };

  return (
    <div className="space-y-4">
      <div ref={noticeRef} tabIndex={-1} className="outline-none">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>

      {documents.length === 0 ? (
        <p>Aucune pièce jointe pour l&apos;instant.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200" aria-label="Pièces jointes">
          {documents.map((document) => (
            <li key={document.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
              <div className="min-w-0">
                <p className="font-medium">{DOCUMENT_CATEGORY_LABELS[document.category] ?? document.category}</p>
                <p className="break-all">
                  <a href={`/documents/${encodeURIComponent(document.id)}`} download>
                    {downloadLabel(document.originalName, document)}
                  </a>
                </p>
                <p className="mt-1 text-sm">
                  <span className={`inline-block rounded border px-2 py-0.5 font-medium ${STATUS_TONES[document.status]}`}>{STATUS_LABELS[document.status]}</span>
                  {document.statusReason ? <span className="ml-2">Motif : {document.statusReason}</span> : null}
                </p>
              </div>
              {editable && categories.includes(document.category) && (categories === DOCUMENT_CATEGORIES || document.status === "NOT_SENT" || document.status === "TRANSMITTED") ? (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => remove(document)}>
                  Supprimer<span className="sr-only"> « {document.originalName} »</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {editable ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="space-y-4 rounded border border-slate-200 p-4">
          <h3 id={headingId} className="font-semibold">
            Ajouter une pièce
          </h3>
          <SelectField
            ref={categoryRef}
            label="Type de pièce"
            name="category"
            value={category}
            onChange={(event) => {
              setCategory(event.target.value);
              setErrors((current) => ({ ...current, category: undefined }));
            }}
            error={errors.category}
          >
            <option value="">Choisissez le type de pièce</option>
            {categories.map((value) => (
              <option key={value} value={value}>
                {DOCUMENT_CATEGORY_LABELS[value]}
              </option>
            ))}
          </SelectField>
          <TextField
            ref={fileRef}
            label="Fichier"
            name="file"
            type="file"
            accept={ACCEPT}
            hint="PDF, JPEG ou PNG, 10 Mo au plus."
            onChange={() => setErrors((current) => ({ ...current, file: undefined }))}
            error={errors.file}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {sending ? "Envoi en cours…" : "Ajouter la pièce"}
          </Button>
          <UploadStatus file={sending} />
        </form>
      ) : null}
    </div>
  );
}
