import { loadOnce } from "@/lib/shared/load-once";

/**
 * The request actions' schemas (the whole command registry) for the browser, downloaded on first
 * use rather than with the page: the learner's deposit, the message form, the staff's actions.
 */
export const requestSchemas = loadOnce(() => import("@/lib/requests/schemas"));
