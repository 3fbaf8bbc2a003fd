/**
 * The statement on honour the learner ticks to deposit a request. The state machine requires it
 * (lib/requests/domain/commands.ts) and keeps its version in the deposit's history row, so that the
 * text a learner certified can be told even after it changes. No imports: the registry reads it.
 */
export const HONOUR_STATEMENT = {
  version: 1,
  text: "Je certifie sur l'honneur que les informations de cette demande sont exactes et que les pièces jointes sont authentiques.",
  warning: "Une fausse déclaration est punie par la loi (article 441-7 du code pénal) et peut entraîner le refus de la demande.",
  missing: "Cochez la déclaration sur l'honneur pour déposer votre demande.",
} as const;

