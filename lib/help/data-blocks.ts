import { HOLDER_LABELS, LEARNER_ACTIONS, REQUEST_STATES, STATE_HOLDERS, type RequestState } from "@/lib/requests/domain/request-lifecycle";

/**
 * Parts of the help that come from the application's data instead of being copied by hand, so
 * that they never drift from it. A line holding only `{{nom}}` or `{{nom ARGUMENT}}` in a page is
 * replaced by Markdown made from the data:
 *
 * - `{{centres}}`: the centres d'inscription of the catalogue, with their region and known contact;
 * - `{{regles-experience}}`: the experience rule of each diploma requestable online, with its sources;
 * - `{{diplomes-sans-analyse}}`: the diplomas excluded from the experience analysis;
 * - `{{etat ETAT}}`: who holds a request in that state and what the learner does (the same words as
 *   the request page), e.g. `{{etat CORRECTION_REQUESTED}}`.
 */

export interface HelpCentre {
  name: string;
  region: string;
  /** An e-mail address named in the catalogue's notes on the centre. */
  email?: string;
}

export interface HelpExperienceRule {
  diplomaCode: string;
  diplomaTitle: string;
  diplomaKind: string;
  ruleText: string;
  alternativeText: string | null;
  sources: string[];
}

export interface HelpData {
  centres: HelpCentre[];
  /** Diplomas requestable online whose experience rule has a duration. */
  experienceRules: HelpExperienceRule[];
  /** Diplomas delivered without an experience analysis ("Code – Titre"). */
  diplomasWithoutAnalysis: string[];
}

const DIRECTIVE = /^\{\{\s*([a-z-]+)(?:\s+([A-Z_]+))?\s*\}\}$/;

export function expandDataBlocks(markdown: string, data: HelpData): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => {
      const directive = DIRECTIVE.exec(line.trim());
      if (!directive) return line;
      const [, name = "", argument] = directive;
      return renderDirective(name, argument, data);
    })
    .join("\n");
}

function renderDirective(name: string, argument: string | undefined, data: HelpData): string {
  switch (name) {
    case "centres":
      return centresList(data.centres);
    case "regles-experience":
      return experienceRules(data.experienceRules);
    case "diplomes-sans-analyse":
      return data.diplomasWithoutAnalysis.length === 0
        ? "Dans le catalogue actuel de D3, aucun diplôme n'est dispensé de l'analyse de l'expérience professionnelle."
        : `Diplômes dispensés de l'analyse de l'expérience professionnelle dans le catalogue actuel de D3 :\n\n${data.diplomasWithoutAnalysis.map((d) => `- ${d}`).join("\n")}`;
    case "etat":
      if (!isRequestState(argument)) throw new Error(`{{etat ${argument ?? ""}}} : état inconnu (attendu l'un de ${REQUEST_STATES.join(", ")}).`);
      return stateFacts(argument);
    default:
      throw new Error(`{{${name}}} : bloc de données inconnu.`);
  }
}

function isRequestState(value: string | undefined): value is RequestState {
  return (REQUEST_STATES as readonly string[]).includes(value ?? "");
}

function stateFacts(state: RequestState): string {
  const holder = STATE_HOLDERS[state];
  const action = LEARNER_ACTIONS[state];
  return [
    `- **Qui a le dossier :** ${holder === null ? "personne, la demande est close." : `${HOLDER_LABELS[holder]}.`}`,
    `- **Ce que vous faites :** ${action ?? "rien pour l'instant. La page de votre demande se met à jour d'elle-même et un courriel vous prévient de chaque changement d'étape."}`,
  ].join("\n");
}

function centresList(centres: readonly HelpCentre[]): string {
  const sorted = [...centres].sort((a, b) => a.region.localeCompare(b.region, "fr") || a.name.localeCompare(b.name, "fr"));
  return sorted
    .map((centre) => `- **${centre.name}** – ${centre.region}${centre.email ? ` – contact : [${centre.email}](mailto:${centre.email})` : ""}`)
    .join("\n");
}

/** One item per rule text: the engineer's specialities share one rule and are listed together. */
function experienceRules(rules: readonly HelpExperienceRule[]): string {
  const groups = new Map<string, HelpExperienceRule[]>();
  for (const rule of rules) {
    const key = `${rule.ruleText}\n${rule.alternativeText ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  return [...groups.values()]
    .map((group) => {
      const first = group[0] as HelpExperienceRule;
      const codes = [...new Set(group.map((rule) => rule.diplomaCode))];
      const label = `${codes.length === 1 ? first.diplomaTitle : first.diplomaKind} – ${codes.join(", ")}`;
      const sources = [...new Set(group.flatMap((rule) => rule.sources))];
      const parts = [`- **${capitalise(label)}** : ${withFinalStop(first.ruleText)}`];
      if (first.alternativeText) parts.push(withFinalStop(first.alternativeText));
      if (sources.length > 0) parts.push(`Sources : ${sources.map((url) => `[${sourceName(url)}](${url})`).join(", ")}.`);
      return parts.join(" ");
    })
    .join("\n");
}

function sourceName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withFinalStop(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
