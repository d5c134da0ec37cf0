import { modelToTag } from "./registry-names.js";

/**
 * The ref of event counter claim N: `refs/modelgate/<model>.events/<N>`, the model spelled as in its tags
 * (`dirname=name`: git refuses ":" in ref names). A `.events/` suffix cannot end a model name, whose last part
 * has no "."; a longer model sharing the prefix yields a non-numeric counter and is skipped by readers.
 */
export function claimRef(model: string, counter: number): string {
  return `${claimPrefix(model)}${counter}`;
}

/** The folder of a model's event counter claims, with its final "/". */
export function claimPrefix(model: string): string {
  return `refs/modelgate/${modelToTag(model)}.events/`;
}

/** The ref that claims `commitSha` for one version of `model` (`versions-per-commit: one`). */
export function commitClaimRef(model: string, commitSha: string): string {
  return `${commitClaimPrefix(model)}${commitSha}`;
}

/** The folder of a model's commit claims, with its final "/". */
export function commitClaimPrefix(model: string): string {
  return `refs/modelgate/${modelToTag(model)}.commits/`;
}
