import { EventRecordSchema, parseRecord, VersionRecordSchema } from "./registry-records.js";
import type { EventRecord, VersionRecord } from "./registry-records.js";
import type { StoredTag } from "./registry-store.js";
import type { RegistryTagName } from "./registry-tags.js";

/**
 * Who wrote a tag, read from its message: modelgate writes a JSON object (its record); GTO, and a person with
 * `git tag -a`, write plain text. A message that is a JSON object is held to modelgate's schema and never trusted
 * when it does not match; any other message is a foreign tag: read as GTO reads it, with no gate evidence.
 */
export function isForeignMessage(message: string): boolean {
  return !message.trimStart().startsWith("{");
}

/** A tag read as one registry fact: a record of ours, a foreign (GTO-written) tag, or a tag that cannot be trusted. */
export type ReadTag =
  | { kind: "version"; tag: StoredTag; version: string; record: VersionRecord }
  | { kind: "event"; tag: StoredTag; stage: string; counter: number; cancel: boolean; record: EventRecord }
  | { kind: "foreign"; tag: StoredTag; name: RegistryTagName; taggerTime: number }
  | { kind: "problem"; tag: StoredTag; problem: string };

/** Reads one tag of a model whose name `parsed` already read with GTO's grammar. */
export function readRegistryTag(tag: StoredTag, parsed: RegistryTagName): ReadTag | undefined {
  if (tag.objectSha === tag.commitSha || tag.taggerTime === null) {
    // GTO skips lightweight tags too ("remove lightweight tags" in gto/tag.py find()).
    return { kind: "problem", tag, problem: "it is a lightweight tag and carries no record" };
  }
  if (isForeignMessage(tag.message)) return { kind: "foreign", tag, name: parsed, taggerTime: tag.taggerTime };
  if (parsed.kind === "version" && !parsed.cancel) {
    const read = parseRecord(VersionRecordSchema, tag.message);
    if (!read.ok) return { kind: "problem", tag, problem: read.problem };
    if (read.record.version !== parsed.version)
      return {
        kind: "problem",
        tag,
        problem: `its record names version ${read.record.version}, not ${parsed.version}`,
      };
    return { kind: "version", tag, version: parsed.version, record: read.record };
  }
  if (parsed.kind === "stage") {
    if (parsed.counter === undefined)
      return { kind: "problem", tag, problem: "its record is modelgate's but the tag has no event counter #N" };
    const read = parseRecord(EventRecordSchema, tag.message);
    if (!read.ok) return { kind: "problem", tag, problem: read.problem };
    if (parsed.cancel !== (read.record.event === "unassign")) {
      return {
        kind: "problem",
        tag,
        problem: `its record's event "${read.record.event}" does not match the tag's ${parsed.cancel ? "unassignment" : "assignment"}`,
      };
    }
    return {
      kind: "event",
      tag,
      stage: parsed.stage,
      counter: parsed.counter,
      cancel: parsed.cancel,
      record: read.record,
    };
  }
  return { kind: "problem", tag, problem: "modelgate writes no such tag with a JSON record" };
}
