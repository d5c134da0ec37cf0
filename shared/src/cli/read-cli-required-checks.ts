import type { RequiredCheckOutcome } from "../registry/promotion-evidence.js";
import type { RequiredCheckSpec } from "../registry/stage-rules.js";
import { openGitHubRepository } from "./open-registry.js";

/**
 * The required checks of a CLI promotion. Through the API (`--repo`) they are verified as the action verifies them,
 * on the head of the pull request merged as `commitSha`. On a local repository nothing shows which workflow made a
 * check run, so each one fails, or with `--allow-ungated` is waived as a warning (recorded in the version).
 */
export async function readCliRequiredChecks(
  specs: readonly RequiredCheckSpec[],
  where: { repo: string | undefined; commitSha: string; allowUngated: boolean },
): Promise<RequiredCheckOutcome[]> {
  if (specs.length === 0) return [];
  if (where.repo === undefined) {
    return specs.map((spec) => ({
      name: spec.name,
      workflow: spec.workflow,
      ok: false,
      waived: where.allowUngated,
      conclusion: "unverified",
      url: null,
      message: `Check "${spec.name}" (a job of ${spec.workflow}) cannot be verified on a local repository: only GitHub's API shows which workflow made a check run. ${
        where.allowUngated
          ? "Waived by --allow-ungated, as the version record says."
          : "Promote with --repo OWNER/NAME or in the promote action, or override with --allow-ungated (recorded in the version)."
      }`,
    }));
  }
  const [{ octokit, repository }, { findJudgedCommit }, { readRequiredChecks }] = await Promise.all([
    openGitHubRepository(where.repo),
    import("../github/find-judged-commit.js"),
    import("../github/read-required-checks.js"),
  ]);
  // No branch was pushed here: a commit no pull request was merged as cannot show a push run on a branch, and fails.
  const judged = await findJudgedCommit(octokit, repository, where.commitSha, "");
  return readRequiredChecks(octokit, repository, judged, specs);
}
