import type { ModelRegistry, StageEvent } from "./model-registry.js";

/** One break in a model's event chain. */
export interface ChainBreak {
  tag: string;
  problem: string;
}

/**
 * Checks that each modelgate event names the tag object of the event before it in counter order
 * (`previous_event_sha`), that the first names none, that no counter is used twice, and that every event's version
 * is registered on the same commit. A deleted, rewritten or re-pointed event shows up here. Untrusted tags
 * (malformed records) are reported too. Foreign (GTO-written) events are links others may name but carry no link of
 * their own; `verifyRegistry` reports them separately.
 */
export function verifyEventChain(registry: ModelRegistry): ChainBreak[] {
  const breaks: ChainBreak[] = registry.problems.map(({ tag, problem }) => ({ tag, problem }));
  // An unassignment may name a version GTO registered (no record) or one GTO named after its commit.
  const versions = new Map(
    [...registry.foreignVersions, ...registry.versions].map((version) => [
      version.version,
      { tag: version.tag, commitSha: version.commitSha },
    ]),
  );
  const chain = registry.events
    .filter((event) => event.counter > 0)
    .sort((a, b) => a.counter - b.counter || (a.tag < b.tag ? -1 : 1));
  let previous: StageEvent | undefined;
  for (const event of chain) {
    const expected = previous?.objectSha ?? null;
    if (previous && previous.counter === event.counter) {
      breaks.push({ tag: event.tag, problem: `counter ${event.counter} is also used by ${previous.tag}` });
    } else if (!event.foreign && event.record.previous_event_sha !== expected) {
      const named = event.record.previous_event_sha ?? "none";
      breaks.push({
        tag: event.tag,
        problem: previous
          ? `it names previous event ${named}, but the event before it is ${previous.tag} (${expected}): an event was deleted or rewritten`
          : `it names previous event ${named}, but no earlier event exists: an event was deleted`,
      });
    }
    previous = event;
  }
  for (const event of registry.events) {
    if (event.foreign) continue;
    const version =
      versions.get(event.record.version) ??
      (event.cancel && event.record.version === event.commitSha
        ? { tag: event.commitSha, commitSha: event.commitSha }
        : undefined);
    if (!version) {
      breaks.push({ tag: event.tag, problem: `its version ${event.record.version} has no trusted version tag` });
    } else if (version.commitSha !== event.commitSha) {
      breaks.push({
        tag: event.tag,
        problem: `it points at commit ${event.commitSha}, but ${version.tag} is on ${version.commitSha}`,
      });
    }
  }
  for (const event of registry.missingTagRefs) {
    breaks.push({
      tag: event.tag,
      problem: `its counter ${event.counter} is claimed but the tag ref is missing: it was deleted, or a promotion was interrupted (the next promotion restores it)`,
    });
  }
  const used = new Set(registry.events.map((event) => event.counter));
  for (const counter of registry.claims) {
    if (!used.has(counter))
      breaks.push({
        tag: `${registry.model}#…#${counter}`,
        problem: `counter ${counter} is claimed but holds no readable event`,
      });
  }
  return breaks;
}
