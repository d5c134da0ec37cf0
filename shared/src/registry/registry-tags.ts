import { NAME_PATTERN } from "./registry-names.js";
import { SEMVER_PATTERN } from "./semver.js";

/** A tag of the registry, read with GTO's grammar (contract §5). */
export type RegistryTagName =
  | { kind: "version"; model: string; version: string; cancel: boolean; counter?: number }
  | { kind: "stage"; model: string; stage: string; cancel: boolean; counter?: number }
  | { kind: "artifact"; model: string; event: "deprecated" | "created"; counter?: number };

// GTO's tag grammar: <artifact>(#<stage>|@v<semver>)[!][#<counter>] or <artifact>@(deprecated|created)[#<counter>].
// Artifacts in sub-folders (`dir=name` in GTO) are outside our model grammar and are not ours to read.
const TAG_RE = new RegExp(
  `^(?<model>${NAME_PATTERN})(?:(?:#(?<stage>${NAME_PATTERN})|@(?<version>v${SEMVER_PATTERN}))(?<cancel>!?)|@(?<event>deprecated|created))(?:#(?<counter>[0-9]+))?$`,
);

/** Reads a tag name; undefined when GTO would not read it as one of the registry's tags. */
export function parseRegistryTag(tag: string): RegistryTagName | undefined {
  const match = TAG_RE.exec(tag);
  const groups = match?.groups;
  if (!groups) return undefined;
  const model = groups.model!;
  const counter = groups.counter === undefined ? undefined : Number(groups.counter);
  const withCounter = counter === undefined ? {} : { counter };
  if (groups.event !== undefined) return { kind: "artifact", model, event: groups.event as "deprecated" | "created", ...withCounter };
  const cancel = groups.cancel === "!";
  if (groups.stage !== undefined) return { kind: "stage", model, stage: groups.stage, cancel, ...withCounter };
  return { kind: "version", model, version: groups.version!, cancel, ...withCounter };
}

/** `<model>@v<semver>`: the version tag. `version` already carries its `v`. */
export function formatVersionTag(model: string, version: string): string {
  return `${model}@${version}`;
}

/** `<model>#<stage>#<N>` (assignment) or `<model>#<stage>!#<N>` (unassignment). */
export function formatStageTag(model: string, stage: string, counter: number, cancel: boolean): string {
  return `${model}#${stage}${cancel ? "!" : ""}#${counter}`;
}
