import { RegistryError } from "./registry-error.js";
import { readModelRegistry } from "./read-model-registry.js";
import type { ModelRegistry, StageEvent } from "./model-registry.js";
import type { EventRecord } from "./registry-records.js";
import type { RegistryStore } from "./registry-store.js";
import { formatStageTag } from "./registry-tags.js";
import { toCanonicalJson } from "../core/canonical-json.js";

/** What to write, decided afresh on each attempt from the registry as it is now. */
export type EventPlan =
  | { kind: "done"; result: StageEvent | undefined }
  | {
      kind: "write";
      stage: string;
      cancel: boolean;
      commitSha: string;
      record: Omit<EventRecord, "previous_event_sha">;
    };

export interface AppendOptions {
  /** How many times to try after losing a counter to another writer (default 30). */
  maxAttempts?: number;
  /** Waits between attempts; the default grows with the attempt and is jittered so racing writers spread out. */
  backoff?: (attempt: number) => Promise<void>;
}

/**
 * Writes one stage event with the compare-and-swap of contract §5: plan from the current registry, claim counter
 * N + 1 and create the tag; when another writer won the counter, re-read, re-plan (the plan may now be "done") and
 * retry, a bounded number of times.
 * @throws RegistryError when every attempt lost the race.
 */
export async function appendStageEvent(
  store: RegistryStore,
  model: string,
  plan: (registry: ModelRegistry) => EventPlan,
  options: AppendOptions = {},
): Promise<{ event: StageEvent | undefined; created: boolean; registry: ModelRegistry; attempts: number }> {
  const maxAttempts = options.maxAttempts ?? 30;
  const backoff = options.backoff ?? defaultBackoff;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const registry = await readModelRegistry(store, model);
    // Finish events whose writer claimed the counter but has not (or never) written the tag ref.
    for (const pending of registry.missingTagRefs) {
      await store.insertTagRef({
        name: pending.tag,
        objectSha: pending.objectSha,
        commitSha: pending.commitSha,
        message: "",
        taggerTime: pending.taggerTime,
        tagger: "",
      });
    }
    const decided = plan(registry);
    if (decided.kind === "done") return { event: decided.result, created: false, registry, attempts: attempt };
    const counter = registry.highestCounter + 1;
    const previous = lastLink(registry);
    const record: EventRecord = { ...decided.record, previous_event_sha: previous?.objectSha ?? null };
    const name = formatStageTag(model, decided.stage, counter, decided.cancel);
    const taggerTime = nextTaggerTime(registry, record.created_at);
    const outcome = await store.createTag({
      name,
      commitSha: decided.commitSha,
      message: toCanonicalJson(record),
      taggerTime,
      tagger: record.actor,
      claim: { model, counter },
    });
    if (outcome.created) {
      const event: StageEvent = {
        tag: name,
        stage: decided.stage,
        counter,
        cancel: decided.cancel,
        commitSha: decided.commitSha,
        objectSha: outcome.tag.objectSha,
        taggerTime,
        foreign: false,
        record,
      };
      return { event, created: true, registry, attempts: attempt };
    }
    await backoff(attempt);
  }
  throw new RegistryError(
    `Could not write a stage event for ${model}: another writer took the next event counter ${maxAttempts} times in a row.`,
    `Re-run the job; if promotions of this model run in parallel, serialize them with a workflow concurrency group.`,
  );
}

export function defaultBackoff(attempt: number): Promise<void> {
  const ms = Math.min(2000, 25 * attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The event the next one links to: the highest counter N (the chain follows the claims), whoever wrote it. */
function lastLink(registry: ModelRegistry): StageEvent | undefined {
  return registry.events.reduce<StageEvent | undefined>(
    (last, event) => (event.counter > 0 && (!last || event.counter > last.counter) ? event : last),
    undefined,
  );
}

/**
 * The tagger time of the next tag of a model: its record's time, but strictly after every tag the model has, so
 * GTO (which orders events by tagger time, one-second resolution) reads modelgate's events in counter order.
 */
export function nextTaggerTime(registry: ModelRegistry, createdAt: string): number {
  const wanted = Math.floor(Date.parse(createdAt) / 1000);
  return Math.max(Number.isFinite(wanted) ? wanted : 0, registry.lastTaggerTime + 1);
}
