/**
 * Transitional: storage moved to lib/shared/storage. Only lib/jobs/reminders.ts still imports this
 * path (that folder is being reworked separately); delete this file once it imports the new one.
 */
export { deleteFile } from "../shared/storage";
