/** A form's errors, one message per field, shown next to the field (see lib/shared/result.ts). */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** First message per field from a zod error's issues. */
export function fieldErrorsFrom<K extends string>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "") as K;
    errors[key] ??= issue.message;
  }
  return errors;
}
