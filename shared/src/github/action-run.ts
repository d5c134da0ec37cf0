import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { GetInput } from "../core/parse-inputs.js";
import type { GitHubClient } from "./github-client.js";
import type { RunContext } from "./read-run-context.js";

/** What an action's handler gets from `runAction`: plain values and the few GitHub reads a gate needs. */
export interface ActionRun {
  getInput: GetInput;
  context: RunContext;
  fileAccess: FileAccess;
  /** A file's text at `ref` in this repository via the contents API; undefined when it does not exist there. */
  readRepoFile(repoPath: string, ref: string): Promise<string | undefined>;
  /** The API client, for an action's own writes (validate-data's drift issue); rejects without a token. */
  github(purpose: string): Promise<GitHubClient>;
  /** Lets the handler name the sticky comment's key as soon as it knows it (e.g. from the policy's model). */
  setKey(key: string): void;
}
