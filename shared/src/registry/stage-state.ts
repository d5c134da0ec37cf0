import type { ModelRegistry, StageEvent } from "./read-model-registry.js";

/**
 * The assignment that holds `stage` (contract §5): the highest-N assignment not followed by an unassignment of the
 * same version in that stage. Undefined when the stage is empty.
 */
export function currentAssignment(registry: ModelRegistry, stage: string): StageEvent | undefined {
  const inStage = registry.events.filter((event) => event.stage === stage);
  for (let i = inStage.length - 1; i >= 0; i--) {
    const event = inStage[i]!;
    if (event.cancel) continue;
    const cancelled = inStage.some((later) => later.cancel && later.counter > event.counter && later.record.version === event.record.version);
    if (!cancelled) return event;
  }
  return undefined;
}

/**
 * The default rollback target: the version assigned before the current one, skipping the current version and
 * versions that were themselves unassigned from the stage (rolled back).
 */
export function previousGoodAssignment(registry: ModelRegistry, stage: string, current: StageEvent): StageEvent | undefined {
  const inStage = registry.events.filter((event) => event.stage === stage);
  const unassigned = new Set(inStage.filter((event) => event.cancel).map((event) => event.record.version));
  for (let i = inStage.length - 1; i >= 0; i--) {
    const event = inStage[i]!;
    if (event.cancel || event.counter >= current.counter) continue;
    if (event.record.version === current.record.version || unassigned.has(event.record.version)) continue;
    return event;
  }
  return undefined;
}

/** Every stage that has events, sorted. */
export function stagesOf(registry: ModelRegistry): string[] {
  return [...new Set(registry.events.map((event) => event.stage))].sort();
}
