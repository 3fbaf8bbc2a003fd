/** The reasons given by the staff in the browser tests of issue 11's paths (tests/support/e2e-paths.ts), read back on the screens. */
export const PATHS_REFUSAL = "Le relevé de notes joint est illisible.";
export const PATHS_UNFAVOURABLE = "Les activités décrites relèvent de la vente, pas de l'informatique.";
