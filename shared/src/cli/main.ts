#!/usr/bin/env node
// First: it may set a V8 flag that must precede the other modules.
import "./young-generation-for-validate.js";
import { allowReferenceWorker } from "../use-cases/reader-worker-script.js";
import { exitOnceWritten } from "./exit-once-written.js";
import { ignoreClosedStdout } from "./ignore-closed-stdout.js";
import { runCli } from "./run-cli.js";

ignoreClosedStdout();
// validate-data reads a large reference on a worker thread, from the reader's own bundle beside this one.
allowReferenceWorker(import.meta.url);
// profile build reads a large file's second half on that worker: started now, it boots while the command loads.
if (process.argv[2] === "profile" && process.argv[3] === "build")
  (await import("./prestart-profile-build.js")).prestartProfileBuild(process.argv.slice(4));
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// profile holds nothing open once it has returned: its process ends as soon as its output is written.
if (process.argv[2] === "profile") exitOnceWritten(code);
