/**
 * The search key of a request, a diploma or a learner: lower case without accents, "Expérience"
 * and "experience" compare equal. The domain's name for the one folding of lib/shared/text.ts.
 */
export { foldText as searchKey } from "../shared/text";
