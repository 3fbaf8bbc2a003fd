import { REQUEST_STATES, STATE_LABELS } from "@/lib/requests/domain/request-lifecycle";
import { FIELD_HELP, HELP_FIELDS, helpLinkForField, helpLinkForState, legacyAnchorsOf } from "@/lib/help/anchors";
import { readHelpData } from "@/lib/help/catalogue-data";
import { loadHelpPages, type HelpPage } from "@/lib/help/pages";
import { buildSearchIndex, queryTerms, searchHelp, type SearchablePage, type SnippetPart } from "@/lib/help/search";
import { WELCOME_LINK_DAYS } from "@/lib/auth/domain/reset-token";

const heading = (text: string, anchor: string) => ({ depth: 2 as const, text, anchor });

const FIXTURE: SearchablePage[] = [
  {
    slug: "acces",
    title: "Se connecter",
    description: "Identifiant et mot de passe.",
    sections: [
      { heading: null, text: "Connectez-vous avec votre identifiant ENF." },
      { heading: heading("Mot de passe oublié", "mot-de-passe-oublie"), text: "Un lien valable une heure vous est envoyé par courriel." },
    ],
  },
  {
    slug: "analyse-experience",
    title: "L'analyse de votre expérience professionnelle",
    description: "Anticipée ou conjointe.",
    sections: [
      { heading: null, text: "L'Expérience professionnelle est contrôlée avant la délivrance du diplôme." },
      { heading: heading("Le temps de travail", "temps-de-travail"), text: "Une année à mi-temps compte pour 6 mois d'expérience en équivalent temps plein." },
      { heading: heading("Les stages", "stages"), text: "Un stage de 6 mois peut être demandé quand l'expérience est hors du domaine." },
    ],
  },
  {
    slug: "faq",
    title: "Questions fréquentes",
    description: "Les réponses.",
    sections: [
      { heading: heading("Je travaille à temps partiel", "temps-partiel"), text: "Indiquez votre temps de travail en pourcentage." },
      { heading: heading("Mon expérience est hors de la spécialité", "hors-specialite"), text: "Un stage complémentaire peut être demandé." },
    ],
  },
];

const index = buildSearchIndex(FIXTURE);
const marked = (snippet: SnippetPart[]) => snippet.filter((part) => part.match).map((part) => part.text);
const plain = (snippet: SnippetPart[]) => snippet.map((part) => part.text).join("");

describe("searchHelp", () => {
  it("ignores accents and case, both in the query and in the pages", () => {
    for (const query of ["experience", "EXPÉRIENCE", "Expérience", "expèrience"]) {
      const results = searchHelp(index, query);
      expect(results.map((r) => r.pageSlug)).toContain("analyse-experience");
      expect(results.every((r) => r.pageSlug !== "acces")).toBe(true);
    }
    expect(searchHelp(index, "oublie").map((r) => r.href)).toEqual(["/aide/acces#mot-de-passe-oublie"]);
  });

  it("matches words by their beginning only", () => {
    expect(searchHelp(index, "exp").length).toBeGreaterThan(0);
    expect(searchHelp(index, "rience")).toEqual([]);
  });

  it("finds nothing for an empty query or one made of punctuation", () => {
    expect(searchHelp(index, "")).toEqual([]);
    expect(searchHelp(index, "  ' ? ")).toEqual([]);
  });

  it("uses every word of the query, without the common little words", () => {
    expect(queryTerms("L'expérience d'un stage, à mi-temps")).toEqual(["experience", "stage", "mi", "temps"]);
    expect(queryTerms("de la")).toEqual(["de", "la"]);
    const results = searchHelp(index, "stage expérience");
    // Both words in one section beat one word in several.
    expect(results[0]?.href).toBe("/aide/analyse-experience#stages");
    expect(results.map((r) => r.href)).toContain("/aide/faq#hors-specialite");
  });

  it("ranks a match in the page title or a heading above a match in the text", () => {
    const results = searchHelp(index, "temps");
    expect(results.map((r) => r.href)).toEqual(["/aide/analyse-experience#temps-de-travail", "/aide/faq#temps-partiel"]);
    const partiel = searchHelp(index, "partiel");
    expect(partiel[0]?.href).toBe("/aide/faq#temps-partiel");
  });

  it("links each result to its section, or to the page for the top of a page", () => {
    const results = searchHelp(index, "délivrance");
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ pageSlug: "analyse-experience", pageTitle: "L'analyse de votre expérience professionnelle", heading: null, anchor: null, href: "/aide/analyse-experience" });
    expect(searchHelp(index, "pourcentage")[0]).toMatchObject({ heading: "Je travaille à temps partiel", anchor: "temps-partiel", href: "/aide/faq#temps-partiel" });
  });

  it("returns a snippet of the original text with every match marked", () => {
    const [result] = searchHelp(index, "experience", 1);
    expect(marked(result?.snippet ?? [])).toEqual(["Expérience"]);
    expect(plain(result?.snippet ?? [])).toBe("L'Expérience professionnelle est contrôlée avant la délivrance du diplôme.");
    const stage = searchHelp(index, "experience stage")[0];
    expect(marked(stage?.snippet ?? [])).toEqual(["stage", "expérience"]);
  });

  it("cuts a long text around the first match, on word boundaries", () => {
    const long = `${"Début du texte sans rapport. ".repeat(10)}Ici le mot recherché : récépissé de dépôt. ${"Suite du texte sans rapport. ".repeat(10)}`;
    const big = buildSearchIndex([{ slug: "p", title: "Titre", description: "", sections: [{ heading: heading("Section", "section"), text: long }] }]);
    const [result] = searchHelp(big, "recepisse");
    const text = plain(result?.snippet ?? []);
    expect(text.startsWith("… ")).toBe(true);
    expect(text.endsWith(" …")).toBe(true);
    expect(text.length).toBeLessThan(200);
    expect(marked(result?.snippet ?? [])).toEqual(["récépissé"]);
    expect(text).toMatch(/… \S/);
  });
});

describe("the help pages", () => {
  const pages: HelpPage[] = loadHelpPages();
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  const anchorsOf = (slug: string) => new Set(bySlug.get(slug)?.headings.map((h) => h.anchor));

  it("all parse, each with a title, a description and its own order", () => {
    expect([...bySlug.keys()].sort()).toEqual(["acces", "analyse-experience", "centres", "demande-de-diplome", "etapes", "faq", "premiere-connexion"]);
    for (const page of pages) {
      expect(page.title.length).toBeGreaterThan(3);
      expect(page.description.length).toBeGreaterThan(10);
      expect(page.html).not.toMatch(/\{\{/);
    }
    expect(new Set(pages.map((p) => p.order)).size).toBe(pages.length);
  });

  it("explain every state of a request at the anchor helpLinkForState gives, under the state's label", () => {
    const etapes = bySlug.get("etapes");
    for (const state of REQUEST_STATES) {
      const link = helpLinkForState(state);
      const [path, anchor = ""] = link.split("#");
      expect(path).toBe("/aide/etapes");
      const found = etapes?.headings.find((h) => h.anchor === anchor);
      expect(found?.text).toBe(STATE_LABELS[state]);
      expect(etapes?.html).toContain(`id="${anchor}"`);
    }
    expect(helpLinkForState("CORRECTION_REQUESTED")).toBe("/aide/etapes#complement-demande");
    expect(helpLinkForState("IN_REVIEW")).toBe("/aide/etapes#en-instruction");
  });

  it("lead every old English anchor of the steps (#in-review) to its French section", () => {
    const legacy = legacyAnchorsOf("etapes");
    expect(Object.keys(legacy)).toHaveLength(REQUEST_STATES.length);
    expect(legacy).toMatchObject({ "in-review": "en-instruction", "correction-requested": "complement-demande", favourable: "avis-favorable", "sent-to-centre": "diplome-envoye-au-centre" });
    for (const [old, anchor] of Object.entries(legacy)) {
      expect({ old, exists: anchorsOf("etapes").has(anchor) }).toEqual({ old, exists: true });
      // The old anchor is no section's own: the page would otherwise have two meanings for it.
      expect(anchorsOf("etapes").has(old)).toBe(false);
    }
    expect(legacyAnchorsOf("faq")).toEqual({});
  });

  it("state the welcome link's lifetime as the code sets it", () => {
    expect(bySlug.get("acces")?.html).toContain(`valable ${WELCOME_LINK_DAYS} jours`);
  });

  it("every anchor of every page is French: no English words of the code", () => {
    const english = /\b(?:in|review|requested|favourable|unfavourable|sent|to|handed|over|refused|withdrawn|draft|submitted|forwarded|validated|edited|condition-review)\b/;
    const anchors = pages.flatMap((page) => page.headings.map((h) => h.anchor));
    expect(anchors.filter((anchor) => english.test(anchor.replace(/-/g, " ")))).toEqual([]);
  });

  it("explain every form field that helpLinkForField points to", () => {
    for (const field of HELP_FIELDS) {
      const { page, anchor } = FIELD_HELP[field];
      expect(anchorsOf(page).has(anchor)).toBe(true);
      expect(helpLinkForField(field)).toBe(`/aide/${page}#${anchor}`);
    }
  });

  it("only link to help pages and sections that exist", () => {
    for (const page of pages) {
      for (const [, target] of page.html.matchAll(/href="(\/aide[^"]*)"/g)) {
        const [, slug = "", anchor] = /^\/aide\/([^#]+)(?:#(.+))?$/.exec(target ?? "") ?? [];
        expect({ link: target, from: page.slug, exists: bySlug.has(slug) }).toEqual({ link: target, from: page.slug, exists: true });
        if (anchor) expect({ link: target, from: page.slug, exists: anchorsOf(slug).has(anchor) }).toEqual({ link: target, from: page.slug, exists: true });
      }
    }
  });

  it("list every centre of the catalogue with its region, and the contacts it knows", () => {
    const centres = bySlug.get("centres");
    const data = readHelpData();
    for (const centre of data.centres) {
      expect(centres?.html).toContain(centre.name);
      expect(centres?.html).toContain(centre.region);
    }
    expect(centres?.html).toContain('href="mailto:naq_info@lecnam.net"');
  });

  it("give the experience rules of the catalogue for the licence and the engineer", () => {
    const text = bySlug.get("analyse-experience")?.sections.map((s) => s.text).join(" ") ?? "";
    expect(text).toContain("Accès direct en L3 : 1 an d'expérience professionnelle dans la spécialité");
    expect(text).toContain("à la soutenance du mémoire : 3 ans d'expérience professionnelle dont 2 ans dans la spécialité");
  });

  it("are searchable: « experience » leads to the experience page first", () => {
    const results = searchHelp(buildSearchIndex(pages), "experience");
    expect(results[0]?.pageSlug).toBe("analyse-experience");
    expect(results.some((r) => r.href === "/aide/analyse-experience#durees")).toBe(true);
    expect(searchHelp(buildSearchIndex(pages), "complement demande").map((r) => r.href)).toContain("/aide/etapes#complement-demande");
  });
});
