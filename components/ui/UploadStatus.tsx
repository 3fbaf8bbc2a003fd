import { formatFileSize } from "@/lib/shared/files";

/**
 * While a file is being sent: a progress bar and « Envoi de « cv.pdf » (1,2 Mo) en cours… »,
 * announced by screen readers (the status region is always in the page, so that its new text is
 * read). A server action does not report how much is sent: the bar runs without a percentage.
 */
export function UploadStatus({ file }: { file: { name: string; size: number } | null }) {
  return (
    <div aria-live="polite" className="text-sm">
      {file ? (
        <p className="flex flex-wrap items-center gap-2">
          <progress className="h-2 w-32" aria-hidden="true" />
          <span>
            Envoi de « {file.name} » ({formatFileSize(file.size)}) en cours… Gardez cette page ouverte.
          </span>
        </p>
      ) : null}
    </div>
  );
}
