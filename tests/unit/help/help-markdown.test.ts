import { expandDataBlocks, type HelpData } from "@/lib/help/data-blocks";
import { parseFrontMatter } from "@/lib/help/front-matter";
import { renderMarkdown, safeHref } from "@/lib/help/markdown";
import { parseHelpPage } from "@/lib/help/pages";
import { assignAnchors, slugify } from "@/lib/help/slug";

const DATA: HelpData = {
  centres: [
    { name: "Cnam Nouvelle-Aquitaine", region: "Nouvelle-Aquitaine", email: "naq_info@lecnam.net" },
    { name: "Cnam Corse", region: "Corse" },
  ],
  experienceRules: [],
  diplomasWithoutAnalysis: [],
};

describe("renderMarkdown", () => {
  it("renders headings with accent-free anchors, paragraphs, lists, quotes and inline marks", () => {
    const { html, headings } = renderMarkdown(
      "Intro **gras** et *italique* et `code`.\n\n## Pièces à fournir\n\n- un CV\n- une attestation\n  sur deux lignes\n\n1. premier\n\n2. second\n\n> À savoir\n> suite\n\n### Œuvre d'art",
    );
    expect(headings).toEqual([
      { depth: 2, text: "Pièces à fournir", anchor: "pieces-a-fournir" },
      { depth: 3, text: "Œuvre d'art", anchor: "oeuvre-d-art" },
    ]);
    expect(html).toBe(
      [
        "<p>Intro <strong>gras</strong> et <em>italique</em> et <code>code</code>.</p>",
        '<h2 id="pieces-a-fournir"><a href="#pieces-a-fournir">Pièces à fournir</a></h2>',
        "<ul>\n<li>un CV</li>\n<li>une attestation\nsur deux lignes</li>\n</ul>",
        // A blank line between the items makes a loose list, whose items are paragraphs (CommonMark).
        "<ol>\n<li>\n<p>premier</p>\n</li>\n<li>\n<p>second</p>\n</li>\n</ol>",
        "<blockquote>\n<p>À savoir\nsuite</p>\n</blockquote>",
        "<h3 id=\"oeuvre-d-art\"><a href=\"#oeuvre-d-art\">Œuvre d'art</a></h3>",
        "",
      ].join("\n"),
    );
  });

  it("keeps nested lists nested", () => {
    expect(renderMarkdown("- un\n  - un.un\n    1. un.un.un\n- deux").html).toBe(
      "<ul>\n<li>un\n<ul>\n<li>un.un\n<ol>\n<li>un.un.un</li>\n</ol>\n</li>\n</ul>\n</li>\n<li>deux</li>\n</ul>\n",
    );
  });

  it("renders tables, with their cells in the search text", () => {
    const { html, sections } = renderMarkdown("| Étape | Qui |\n|---|:--|\n| Envoyée | **le centre** |");
    expect(html).toContain("<table>\n<thead>\n<tr>\n<th>Étape</th>\n<th style=\"text-align:left\">Qui</th>");
    expect(html).toContain("<td>Envoyée</td>\n<td style=\"text-align:left\"><strong>le centre</strong></td>");
    expect(sections).toEqual([{ heading: null, text: "Étape Qui Envoyée le centre" }]);
  });

  it("keeps links whose address holds parentheses, and code as code", () => {
    const { html } = renderMarkdown("Voir [la page](https://fr.wikipedia.org/wiki/Cnam_(France)) et `a < b`.\n\n```\n<b>brut</b>\n```");
    expect(html).toContain('<a href="https://fr.wikipedia.org/wiki/Cnam_(France)">la page</a> et <code>a &lt; b</code>.');
    expect(html).toContain("<pre><code>&lt;b&gt;brut&lt;/b&gt;\n</code></pre>");
  });

  it("keeps explicit anchors and makes the others distinct", () => {
    const { headings } = renderMarkdown("## Exemple\n\n## Exemple\n\n## Complément demandé {#correction-requested}\n\n## Exemple-2");
    expect(headings.map((h) => h.anchor)).toEqual(["exemple", "exemple-2", "correction-requested", "exemple-2-2"]);
    expect(() => renderMarkdown("## A {#same}\n\n## B {#same}")).toThrow(/deux fois/);
    expect(() => renderMarkdown("## A {#Pas_Bon}")).toThrow(/invalide/);
  });

  it("gives an h2 for a single #, since the page title is the only h1", () => {
    expect(renderMarkdown("# Titre").html).toContain('<h2 id="titre">');
    expect(renderMarkdown("##### Détail").headings).toEqual([{ depth: 4, text: "Détail", anchor: "detail" }]);
  });

  it("never lets HTML or script links through", () => {
    const { html } = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[clic](javascript:alert(1)) [data](data:text/html,x) [proto](//evil.example) [ok](/aide/faq#delai) [mail](mailto:a@b.fr)',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data|href="\/\/evil/);
    expect(renderMarkdown("![image](https://evil.example/x.png)").html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<a href="/aide/faq#delai">ok</a>');
    expect(html).toContain('<a href="mailto:a@b.fr">mail</a>');
    expect(safeHref("https://www.cnam.fr/")).toBe("https://www.cnam.fr/");
    expect(safeHref("JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
  });

  it("keeps the text of each section for the search index", () => {
    const { sections } = renderMarkdown("Début [lien](/aide) **fort**.\n\n## Partie\n\n- un\n- deux");
    expect(sections).toEqual([
      { heading: null, text: "Début lien fort." },
      { heading: { depth: 2, text: "Partie", anchor: "partie" }, text: "un deux" },
    ]);
  });
});

describe("slugs", () => {
  it("are lower case, without accents, joined by dashes", () => {
    expect(slugify("  L'Expérience professionnelle : « durées » ! ")).toBe("l-experience-professionnelle-durees");
    expect(assignAnchors([{ text: "Étape" }, { text: "étape" }, { text: "" }])).toEqual(["etape", "etape-2", "section"]);
  });
});

describe("page files", () => {
  it("need a front matter with a title, a description and an order", () => {
    expect(parseFrontMatter("---\ntitle: « Aide » : accès\ndescription: 'Une phrase.'\norder: 2\n---\n# Corps")).toEqual({
      ok: true,
      frontMatter: { title: "« Aide » : accès", description: "Une phrase.", order: 2 },
      body: "# Corps",
    });
    expect(parseFrontMatter("# Pas d'en-tête").ok).toBe(false);
    const missing = parseFrontMatter("---\ndescription: x\norder: 1\n---\n");
    expect(missing.ok).toBe(false);
    expect(parseFrontMatter("---\ntitle: T\ndescription: D\norder: premier\n---\n").ok).toBe(false);
  });

  it("report the file in every error, for the centre that edits it", () => {
    expect(() => parseHelpPage("recherche", "---\ntitle: T\ndescription: D\norder: 1\n---\n", DATA)).toThrow(/recherche\.md/);
    expect(() => parseHelpPage("ok", "---\ntitle: T\ndescription: D\norder: 1\n---\n{{inconnu}}\n", DATA)).toThrow(/app\/aide\/_pages\/ok\.md : \{\{inconnu\}\}/);
  });
});

describe("data blocks", () => {
  it("list the centres by region with the known contacts", () => {
    expect(expandDataBlocks("Avant\n{{centres}}\nAprès", DATA)).toBe(
      "Avant\n- **Cnam Corse** – Corse\n- **Cnam Nouvelle-Aquitaine** – Nouvelle-Aquitaine – contact : [naq_info@lecnam.net](mailto:naq_info@lecnam.net)\nAprès",
    );
  });

  it("say who holds a request and what the learner does, in the words of the request page", () => {
    const text = expandDataBlocks("{{etat CORRECTION_REQUESTED}}", DATA);
    expect(text).toContain("**Qui a le dossier :** Vous.");
    expect(text).toContain("Complétez votre dossier comme indiqué par votre centre, puis renvoyez-le.");
    expect(expandDataBlocks("{{etat WITHDRAWN}}", DATA)).toContain("personne, la demande est close.");
    expect(() => expandDataBlocks("{{etat PAS_UN_ETAT}}", DATA)).toThrow(/état inconnu/);
  });

  it("leave the rest of the text alone", () => {
    expect(expandDataBlocks("Un {{centres}} au milieu d'une phrase", DATA)).toBe("Un {{centres}} au milieu d'une phrase");
  });
});
