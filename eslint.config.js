import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/dist.next/**", ".bench/**", "node_modules/**", "build-tsc/**", "**/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports (style guide rule 15)." },
      ],
    },
  },
  {
    // Pure core concerns never touch the process edge (style guide rule 5).
    files: ["shared/src/{stats,evaluate,report,policy}/**/*.ts"],
    ignores: ["shared/src/evaluate/evaluate-inputs.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@actions/*", "node:fs", "node:fs/*", "fs", "node:child_process", "node:process"], message: "Pure core: do I/O in data/, github/ or cli/." },
          ],
        },
      ],
    },
  },
  {
    // Tool configuration files must default-export their config.
    files: ["vitest.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
);
