import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Only server/db may import a database client.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@prisma/client", message: "Use server/db/client." },
            { name: "pg", message: "Use server/db/client." },
            { name: "@electric-sql/pglite", message: "Use server/db/client." },
          ],
        },
      ],
    },
  },
  {
    files: ["server/db/**", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Variables are read through server/env.ts, validated once.
    files: ["app/**", "components/**", "server/**", "prisma/**"],
    ignores: ["server/env.ts", "server/cli/start.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read variables through server/env.ts." }],
    },
  },
];

export default config;
