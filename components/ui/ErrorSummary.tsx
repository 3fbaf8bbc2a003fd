"use client";

import { Alert } from "./Alert";
import { useErrorTitle } from "./use-error-title";

/**
 * Once a form was sent with errors: the list of what to correct, each a link that moves the focus
 * to its field (found by its name), and the page's title starts with « Erreur – » (RGAA 11.10).
 */
export function ErrorSummary({ errors, submitted }: { errors: Partial<Record<string, { message?: string } | undefined>>; submitted: boolean }) {
  // `root` is the form's own error (no field to go to): the form shows it in its own message.
  const entries = Object.entries(errors).filter((entry): entry is [string, { message: string }] => entry[0] !== "root" && Boolean(entry[1]?.message));
  const shown = submitted && entries.length > 0;

  useErrorTitle(shown);

  if (!shown) return null;
  return (
    <Alert tone="error" title={entries.length === 1 ? "Un champ est à corriger :" : `${entries.length} champs sont à corriger :`}>
      <ul className="ml-5 list-disc space-y-1">
        {entries.map(([name, error]) => (
          <li key={name}>
            <a
              href={`#${name}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementsByName(name)[0]?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
