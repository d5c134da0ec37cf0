import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseWorkflowCommands, parseOutputFile } from "./parse-runner-files.js";
import type { WorkflowCommand } from "./parse-runner-files.js";
import { repoRoot } from "./node-binaries.js";

export interface BundleRunOptions {
  node: string;
  workspace: string;
  inputs: Record<string, string>;
  eventName: string;
  event: Record<string, unknown>;
  apiUrl?: string;
  env?: Record<string, string>;
}

export interface BundleRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  runnerTemp: string;
}

/**
 * Runs an action's built bundle the way the runner does: a child process with INPUT_* variables, the
 * GITHUB_* context, and fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files it reads back afterwards.
 */
export async function runActionBundle(action: string, options: BundleRunOptions): Promise<BundleRun> {
  const bundle = path.join(repoRoot, "actions", action, "dist/index.js");
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build (npm test does).`);
  const runnerTemp = mkdtempSync(path.join(tmpdir(), "modelgate-runner-"));
  const files = {
    output: path.join(runnerTemp, "output"),
    summary: path.join(runnerTemp, "summary.md"),
    event: path.join(runnerTemp, "event.json"),
  };
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  writeFileSync(files.event, JSON.stringify(options.event));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: "acme/models",
    GITHUB_SHA: "f".repeat(40),
    GITHUB_RUN_ID: "4242",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: options.apiUrl ?? "http://127.0.0.1:9",
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    ...Object.fromEntries(
      Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  };
  const { exitCode, stdout, stderr } = await spawnCollect(options.node, [bundle], env, options.workspace);
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
    commands: parseWorkflowCommands(stdout),
    runnerTemp,
  };
}

/** Runs a command to completion and collects its exit code and output. */
export function spawnCollect(node: string, args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(node, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

/** A temporary workspace holding the given files. */
export function makeWorkspace(files: Record<string, string>): string {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-ws-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(workspace, name), content);
  return workspace;
}
