import type { PolicyProvenance } from "../core/result-base.js";
import type { ArtifactStore, OutputCache, Warn } from "./output-store.js";
import type { ProcessProbe } from "./process-probe.js";

/** What a training run gets from its edge: the process, its output streams, the clock, the cache and artifact stores. */
export interface TrainServices {
  probe: ProcessProbe;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now: () => number;
  cache?: OutputCache;
  artifacts?: ArtifactStore;
  warn: Warn;
  policy: PolicyProvenance;
}
