import { MODEL_IN_TAG_PATTERN, NAME_PATTERN, modelToTag, tagToModel } from "./registry-names.js";
import { SEMVER_PATTERN } from "./semver.js";

/** A tag of the registry, read with GTO's grammar (contract §5). `model` is the model name (`dirname:name`). */
export type RegistryTagName =
  | { kind: "version"; model: string; version: string; cancel: boolean; counter?: number }
  | { kind: "stage"; model: string; stage: string; cancel: boolean; counter?: number }
  | { kind: "artifact"; model: string; event: "deprecated" | "created"; counter?: number };

// GTO 1.10's tag_re (gto/constants.py): <artifact>(#<stage>|@v<semver>)[!][#<counter>] or
// <artifact>@(deprecated|created)[#<counter>], where <artifact> is `[dirname=]name`.
const TAG_RE = new RegExp(
  `^(?<model>${MODEL_IN_TAG_PATTERN})(?:(?:#(?<stage>${NAME_PATTERN})|@(?<version>v${SEMVER_PATTERN}))(?<cancel>!?)|@(?<event>deprecated|created))(?:#(?<counter>[0-9]+))?$`,
);

/** Reads a tag name; undefined when GTO would not read it as one of the registry's tags. */
export function parseRegistryTag(tag: string): RegistryTagName | undefined {
  const match = TAG_RE.exec(tag);
  const groups = match?.groups;
  if (!groups) return undefined;
  const model = tagToModel(groups.model!);
  const counter = groups.counter === undefined ? undefined : Number(groups.counter);
  const withCounter = counter === undefined ? {} : { counter };
  if (groups.event !== undefined)
    return { kind: "artifact", model, event: groups.event as "deprecated" | "created", ...withCounter };
  const cancel = groups.cancel === "!";
  if (groups.stage !== undefined) return { kind: "stage", model, stage: groups.stage, cancel, ...withCounter };
  return { kind: "version", model, version: groups.version!, cancel, ...withCounter };
}

/** `<model>@v<semver>`: the version tag. `version` already carries its `v`. */
export function formatVersionTag(model: string, version: string): string {
  return `${modelToTag(model)}@${version}`;
}

/** `<model>#<stage>#<N>` (assignment) or `<model>#<stage>!#<N>` (unassignment). */
export function formatStageTag(model: string, stage: string, counter: number, cancel: boolean): string {
  return `${modelToTag(model)}#${stage}${cancel ? "!" : ""}#${counter}`;
}

/** The prefix every tag of `model` starts with (other models may share it: filter with parseRegistryTag). */
export function modelTagPrefix(model: string): string {
  return modelToTag(model);
}
