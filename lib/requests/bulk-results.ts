import { COMMANDS, type BulkCommandName } from "./domain/commands";
import { countOf, plural } from "@/lib/shared/text";

/** What the queue's bulk form shows once bulkApply has answered: a line per ticked request. */
export type BulkLine = { requestId: string; number: string; ok: boolean; text: string };
export type BulkReport = { summary: string; lines: BulkLine[] };

/** Codes of a request that changed between the display and the action. */
const CHANGED_MEANWHILE = new Set(["STALE_VERSION", "CONFLICT"]);

type BulkResult = { requestId: string; result: { ok: true; diplomaNumber?: string } | { ok: false; code: string; message: string } };

/** "D3-2026-000012 : pris en charge", "… : modifié entre-temps", or the reason of the refusal. */
export function describeBulkResults(operation: BulkCommandName, results: BulkResult[], numbers: Map<string, string>): BulkReport {
  const done = COMMANDS[operation].bulk.done;
  const lines = results.map(({ requestId, result }): BulkLine => {
    const number = numbers.get(requestId) ?? "Demande inaccessible";
    if (result.ok) return { requestId, number, ok: true, text: result.diplomaNumber ? `${done} (diplôme n° ${result.diplomaNumber})` : done };
    return { requestId, number, ok: false, text: CHANGED_MEANWHILE.has(result.code) ? "modifié entre-temps, rechargez la page" : result.message };
  });
  const count = lines.filter((line) => line.ok).length;
  const summary = `${countOf(count, "demande")} sur ${lines.length} ${plural(count, "traitée")}.`;
  return { summary, lines };
}
