import tseslint from "typescript-eslint";

const domainFolders = [
  "incidents",
  "timeline",
  "postmortems",
  "analysis",
  "actions",
  "users",
  "shared",
  "db",
  "process",
  "notify",
  "lint",
  "backup",
  "search",
  "similar",
  "external",
  "public",
  "insights",
];
// Files holding only zod schemas and types; the web app imports them.
const schemaFiles = [
  "src/shared/time.ts",
  "src/shared/page.ts",
  "src/incidents/incident.ts",
  "src/timeline/timeline-entry.ts",
  "src/postmortems/postmortem.ts",
  "src/postmortems/checklist.ts",
  "src/shared/ids.ts",
  "src/analysis/why-node.ts",
  "src/actions/action-item.ts",
  "src/users/user.ts",
  "src/search/search.ts",
  "src/insights/insights.ts",
  "src/similar/similar.ts",
  "src/external/external-version.ts",
];
const edgeMessage =
  "Domain code must not depend on an entry point (server/, cli/, web/): move the shared piece into the domain instead.";

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "dist/**", ".ci-out/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: domainFolders.map((folder) => `src/${folder}/**/*.ts`),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/server/**", "../server", "../../server"], message: edgeMessage },
            { group: ["**/cli/**", "../cli", "../../cli"], message: edgeMessage },
            { group: ["**/web/**"], message: edgeMessage },
          ],
        },
      ],
    },
  },
  {
    // The web app runs in the browser: from src/ it may use the shared schema files only, and no Node.
    files: ["web/**/*.{ts,tsx}"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        location: "readonly",
        fetch: "readonly",
        performance: "readonly",
        requestAnimationFrame: "readonly",
        URLSearchParams: "readonly",
        DOMException: "readonly",
        console: "readonly",
      },
    },
    rules: {
      "no-restricted-globals": [
        "error",
        ...["process", "Buffer", "require", "__dirname", "__filename", "global"].map((name) => ({
          name,
          message: "The web app runs in the browser: Node globals do not exist there.",
        })),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The web app runs in the browser: no Node built-ins." },
            {
              group: ["**/src/**/*.ts", "**/src/**/*.js", ...schemaFiles.map((file) => `!**/${file}`)],
              message: "The web app may import from src/ only the schema files listed in eslint.config.js.",
            },
          ],
        },
      ],
    },
  },
  {
    // Schema and type files are shared with the web app: no database, no Node built-ins.
    files: schemaFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/**", "../db", "../../db"],
              message: "Schema files are shared with the web app: they may not import db/.",
            },
            {
              group: ["node:*"],
              message: "Schema files are shared with the web app: they may not import Node built-ins.",
            },
            { group: ["**/server/**", "**/cli/**", "**/web/**"], message: edgeMessage },
          ],
        },
      ],
    },
  },
);
