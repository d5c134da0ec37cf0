#!/usr/bin/env node
import { fileURLToPath } from "node:url";
import { allowReferenceWorker, isReferenceWorker, serveReferenceWorker } from "../use-cases/reference-worker.js";
import { runCli } from "./run-cli.js";

// This bundle also serves validate-data's reference reads on a worker thread.
if (isReferenceWorker()) await serveReferenceWorker();
else {
  allowReferenceWorker(fileURLToPath(import.meta.url));
  process.exitCode = await runCli(process.argv.slice(2));
}
