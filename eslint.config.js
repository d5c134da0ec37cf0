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
    // Type-aware rules (typescript-eslint's recommendedTypeChecked, the promise subset): a promise nobody awaits
    // loses its error, and a gate that loses an error can pass silently. (require-await is left out: an async
    // function without await still turns a throw into a rejection, which several callers rely on.) The bench
    // entries under shared/tools/ are outside tsconfig.json, so they get the rules without types.
    files: ["**/*.ts"],
    ignores: ["shared/tools/**"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Pure folders never touch the process edge (style guide rule 5): no runner or API library, no file system,
    // no child process, no `process` (its environment, streams or exit code). What they need from outside comes
    // in as arguments; use-cases/, github/, cli/ and data/files/ do the I/O. Pure: core/, stats/, data/table/,
    // data/predictions/, data/metrics/, the concerns evaluate/, validate/, fairness/, shadow/, explain/, publish/,
    // lineage/ and registry/, policy/ and report/, except the files listed under `ignores`.
    files: [
      "shared/src/{core,stats,policy,report}/**/*.ts",
      "shared/src/data/{table,predictions,metrics}/**/*.ts",
      "shared/src/{evaluate,validate,fairness,shadow,explain,publish,lineage,registry}/**/*.ts",
    ],
    ignores: [
      // Table readers stream the file they are given (the rest of data/table/ builds and queries columns).
      "shared/src/data/table/{read-table,read-delimited-table,read-delimited-header,stream-table-bytes,plan-table-parts}.ts",
      // train-reproducibly runs the training command and hashes what it reads and writes.
      "shared/src/lineage/{dirty-files,file-clock,find-interpreter,find-lockfiles,hash-paths,restore-from-cache,run-command,run-once,run-training,system-probe,verify-repeatability,walk-files,written-by-run}.ts",
      // The registry's local stores: git and the asset directory.
      "shared/src/registry/{local-asset-store,run-git}.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@actions/*",
                "@octokit/*",
                "node:fs",
                "node:fs/*",
                "fs",
                "fs/*",
                "node:child_process",
                "child_process",
                "node:process",
                "process",
              ],
              message: "Pure code: do I/O in use-cases/, github/, cli/ or data/files/ and pass the result in.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "Pure code: take what it needs from process as an argument." },
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
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", exports: "writable", require: "readonly" },
    },
    // CommonJS loads with require() (shared/src/github/undici-on-first-use.cjs requires undici on first use).
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
