import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Issue 15, point 3: what a page's first load carries. A "use client" module sends to the browser
 * everything it imports statically, and the form pages once weighed 1.5–1.6 × an empty page because
 * of it: zod and its resolver, next-auth's browser client, the request command registry, Node's
 * Buffer polyfill. Those are now imported where they are used (`import()` on first use: forms'
 * validation, sign-in and sign-out), and this test keeps it so by walking the static imports of
 * every client module. `npm run bench:pages` measures the bytes; this names the import that
 * would bring them back.
 */

const ROOT = path.resolve(__dirname, "../../..");

/** Packages and modules a client module must not reach through static imports. */
const HEAVY: Record<string, string> = {
  zod: "zod (form schemas: lazyZodResolver, or the page passes the caps)",
  "zod/mini": "zod (form schemas: lazyZodResolver, or the page passes the caps)",
  "@hookform/resolvers/zod": "the zod resolver (lazyZodResolver imports it on first use)",
  "next-auth/react": "next-auth's browser client (lib/auth/browser.ts loads it on use)",
  "lib/requests/schemas.ts": "the request schemas and command registry (import() on first use)",
  "lib/requests/domain/commands.ts": "the request command registry",
  "lib/auth/domain/directory.ts": "the directory code (Node's Buffer)",
};

/**
 * The staff's back-office forms still import their schemas directly: they are not learner pages
 * (goal: learner pages ≤ 1.2 × the empty page) and agents use them all day from a warm cache.
 */
const STAFF_PAGES_ALLOWED = new Set(["components/admin/AccountForms.tsx", "components/admin/CentreForm.tsx", "components/staff/request/ActionsPanel.tsx", "components/staff/queue/BulkActionsForm.tsx", "components/staff/request/StaffDocuments.tsx"]);

function walk(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return walk(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

/** The specifiers a module imports statically (not `import type`, not `import()`). */
export function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const match of withoutComments.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^;"'`]*?\s+from\s+)?["']([^"']+)["']/g)) {
    if (!match[1]) specifiers.push(match[2]!);
  }
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(path.join(ROOT, from)), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(ts|tsx)$/.test(candidate)) return path.relative(ROOT, candidate);
  }
  return null;
}

const isServerActions = (file: string) => /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8"));

/** Every heavy module `file` reaches, with the chain of imports that leads to it. */
function heavyReached(file: string): { heavy: string; chain: string[] }[] {
  const found: { heavy: string; chain: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (module: string, chain: string[]) => {
    if (seen.has(module)) return;
    seen.add(module);
    for (const specifier of staticImports(readFileSync(path.join(ROOT, module), "utf8"))) {
      const local = resolveLocal(module, specifier);
      const key = local ?? specifier;
      if (HEAVY[key]) found.push({ heavy: key, chain: [...chain, key] });
      // A "use server" module reaches the browser as references to its actions, not as code.
      else if (local && !isServerActions(local)) visit(local, [...chain, local]);
    }
  };
  visit(file, [file]);
  return found;
}

const clientModules = ["app", "components", "lib"].flatMap(walk).filter((file) => /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")));

test("the import parser sees static imports and skips types and dynamic imports", () => {
  const source = [
    'import { a } from "one";',
    'import type { B } from "two";',
    "import {\n  c,\n  type D,\n} from './three';",
    'import "four";',
    'export { e } from "five";',
    'export type { F } from "six";',
    'const g = () => import("seven");',
    '// import { h } from "eight";',
  ].join("\n");
  expect(staticImports(source)).toEqual(["one", "./three", "four", "five"]);
});

test("there are client modules to check, and the walk follows local imports to the heavy ones", () => {
  expect(clientModules.length).toBeGreaterThan(30);
  // The staff's actions panel does import the schemas: the walk must see it, or it would see nothing.
  expect(heavyReached("components/staff/request/ActionsPanel.tsx").map((hit) => hit.heavy)).toContain("lib/requests/schemas.ts");
});

test.each(clientModules.filter((file) => !STAFF_PAGES_ALLOWED.has(file)))("%s sends none of zod, next-auth's client, the command registry or Buffer with its page", (file) => {
  const reached = heavyReached(file).map(({ heavy, chain }) => `${HEAVY[heavy]}: ${chain.join(" → ")}`);
  expect(reached).toEqual([]);
});
