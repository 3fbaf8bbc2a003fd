/**
 * `npm run lint` (also the first step of `npm test`): Next.js's rules (React, hooks, accessibility,
 * Core Web Vitals), typescript-eslint, a few type-aware rules, and the layering of the code:
 *
 *   app/ (routes) → components/ → lib/<feature>/ → lib/shared/ (the edges)
 *   lib/<feature>/domain/: pure rules, neither Next.js, React nor Prisma.
 */
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const DOMAIN = ["lib/*/domain/**"];

/** Modules the domain may import besides other domain modules and npm packages: they are pure. */
const PURE_SHARED = ["**/lib/shared/text.ts", "**/lib/shared/dates.ts", "**/lib/shared/files.ts", "**/lib/shared/document-content.ts"];

/** Packages that tie code to a framework, a runtime or the database: never in the domain. */
const FRAMEWORK_PACKAGES = {
  paths: ["next", "next-auth", "react", "react-dom", "server-only"].map((name) => ({
    name,
    message: "The domain is pure: no Next.js, React nor Prisma. Pass data in, return decisions out.",
  })),
  patterns: [
    {
      group: ["next/*", "next-auth/*", "react/*", "react-dom/*", "@prisma/*", "@/generated/*", "**/generated/*"],
      message: "The domain is pure: no Next.js, React nor Prisma. Pass data in, return decisions out.",
    },
  ],
};

export default defineConfig([
  globalIgnores([".data/**", ".next/**", "tests/bench/bare-app/.next/**", "generated/**", "test-results/**", "playwright-report/**", "e2e-results/**", "next-env.d.ts"]),
  ...nextVitals,
  ...nextTypescript,
  {
    name: "d3/type-aware",
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // A server action given to <form action> returns a promise by design.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    name: "d3/strictness",
    rules: {
      // Next's preset only warns; with --max-warnings=0 they fail anyway, so say so.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    name: "d3/boundaries",
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              // Tests may import routes and actions: they call them as Next.js would.
              target: ["./components", "./lib", "./prisma", "./proxy.ts", "./instrumentation.ts"],
              from: "./app",
              message: "Nothing imports from app/: move the code to lib/<feature>/ (actions too) or components/.",
            },
            {
              target: "./lib",
              from: "./components",
              message: "lib/ does not import components/: a component belongs to the screens, not to the rules.",
            },
            {
              target: "./lib/shared/**",
              from: "./lib/**",
              // A feature's pure rules (roles, settings' formats) are data the edges may read.
              except: ["**/lib/shared/**", "**/lib/*/domain/**"],
              message: "lib/shared/ is the edges (db, mail, storage, jobs, dates, text, log, env): it does not import a feature.",
            },
            {
              target: DOMAIN,
              from: "./**",
              except: ["**/lib/*/domain/**", ...PURE_SHARED, "**/node_modules/**"],
              message: "The domain imports only other domain modules, pure helpers (lib/shared/text, dates, files, document-content) and plain libraries.",
            },
          ],
        },
      ],
    },
  },
  {
    // Server code logs through lib/shared/log (structured, with the request id); the command-line
    // tools print their report to the terminal.
    name: "d3/log",
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["**/*-cli.ts"],
    rules: { "no-console": "error" },
  },
  {
    name: "d3/pure-domain",
    files: DOMAIN,
    rules: { "no-restricted-imports": ["error", FRAMEWORK_PACKAGES] },
  },
]);
