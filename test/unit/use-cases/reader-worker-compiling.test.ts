import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const hooks = pathToFileURL(path.join(root, "shared/tools/ts-loader-hooks.mjs")).href;
const source = pathToFileURL(path.join(root, "shared/src/use-cases/reader-worker-compiling.ts")).href;

/** A hot loop named `name`, run until the engine optimizes it, as script text. */
const hotLoop = (name: string) =>
  `function ${name}(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 1.5; return s; }
   { const a = new Float64Array(1000); let t = 0; for (let k = 0; k < 3000; k++) t += ${name}(a); }`;

/** How V8 compiled each hot loop in a process that calls `compileOnReaderThreads` and then starts a worker. */
function compileModes(): Map<string, string> {
  const script = `
    import { register } from "node:module";
    import { Worker } from "node:worker_threads";
    register(${JSON.stringify(hooks)});
    const { compileOnReaderThreads } = await import(${JSON.stringify(source)});
    compileOnReaderThreads();
    compileOnReaderThreads();
    const worker = new Worker(${JSON.stringify(hotLoop("loopOnWorker"))}, { eval: true });
    await new Promise((resolve) => worker.once("exit", resolve));
    ${hotLoop("loopOnMain")}`;
  const run = spawnSync(process.execPath, ["--trace-opt", "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const modes = new Map<string, string>();
  for (const match of run.stdout.matchAll(/compiling method .*?<JSFunction (\w+) .*?mode: ConcurrencyMode::(\w+)/g))
    if (!modes.has(match[1]!)) modes.set(match[1]!, match[2]!);
  return modes;
}

describe("compileOnReaderThreads", () => {
  it("has a worker started after it optimize on its own thread, and leaves this thread compiling in the background", () => {
    const modes = compileModes();
    expect(modes.get("loopOnWorker")).toBe("kSynchronous");
    expect(modes.get("loopOnMain")).toBe("kConcurrent");
  });
});
