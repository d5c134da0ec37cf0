import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * vitest's global set-up: every temporary folder the suite makes (its own and those of the bundles, CLIs and git
 * processes it starts, which inherit TMPDIR) goes under one folder, removed when the run ends. Without it a run
 * left thousands of workspaces in the system's temporary folder. MODELGATE_KEEP_TEST_TMP=1 keeps it to look into.
 */
let root: string | undefined;

export function setup(): void {
  root = mkdtempSync(path.join(tmpdir(), "modelgate-tests-"));
  process.env.TMPDIR = root;
}

export function teardown(): void {
  if (root === undefined) return;
  if (process.env.MODELGATE_KEEP_TEST_TMP === "1") console.log(`temporary files kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
