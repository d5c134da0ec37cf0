import { parseCliArgs } from "./parse-cli-args.js";
import { GitHubApiError, InputError } from "../core/modelgate-error.js";
import { readPublishInputs } from "../publish/publish-inputs.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";

/** The action's inputs the CLI takes as flags of the same names; the token comes from the environment only. */
const INPUT_FLAGS = ["run-id", "artifact-name", "key", "comment-author"] as const;

export const publishCommand: Command = {
  name: "publish",
  usage: `Usage: modelgate publish --repo OWNER/NAME --run-id ID [options]

Does what the publish-reports action does: finds the pull request of a finished pull_request workflow
run through the GitHub API, downloads the run's result artifacts, checks every result and posts comments
re-rendered from the checked data (never the artifact's own markdown).

Options:
  --repo OWNER/NAME       the repository (default: GITHUB_REPOSITORY)
  --run-id ID             the pull_request workflow run whose artifacts are published
  --artifact-name NAME    artifact name, or a prefix ending in * (default: modelgate-results*)
  --combine               one comment for every gate of the run instead of one per action and key
  --key KEY               key of the combined comment (default: default)
  --comment-author LOGIN  login the comments are written by, to find them again
  --dry-run               check and render only; write no comment
  --format FORMAT         markdown (default: the report) | json (modelgate.publish/v1)
  -h, --help              show this help

Environment: GITHUB_TOKEN (or GH_TOKEN) with actions read and pull-requests write; GITHUB_API_URL and
GITHUB_SERVER_URL for GitHub Enterprise Server.

Exit status: 0 when published (or nothing to publish), 1 when an artifact or result was refused or the
API failed, 2 on a usage error.`,
  async run(args) {
    const { values } = parseCliArgs({
      args,
      options: {
        ...Object.fromEntries(INPUT_FLAGS.map((flag) => [flag, { type: "string" as const }])),
        repo: { type: "string", default: process.env.GITHUB_REPOSITORY ?? "" },
        combine: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        format: { type: "string", default: "markdown" },
      },
      strict: true,
      allowPositionals: false,
    });
    const repo = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(String(values.repo));
    if (!repo) throw new UsageError(`--repo is "${String(values.repo)}"; give OWNER/NAME (or set GITHUB_REPOSITORY).`);
    if (values.format !== "markdown" && values.format !== "json")
      throw new UsageError(`--format is "${String(values.format)}"; allowed: markdown, json.`);
    const inputs = readCliInputs((name) => {
      if (name === "combine") return values.combine ? "true" : "false";
      const value = (values as Record<string, unknown>)[name];
      return typeof value === "string" ? value : "";
    });
    const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
    if (!token)
      throw new GitHubApiError(
        "No GitHub token in GITHUB_TOKEN or GH_TOKEN.",
        "Export GITHUB_TOKEN with a token that can read the run's artifacts (and write pull request comments unless --dry-run).",
      );
    // Octokit and its HTTP client load only for this command: they are most of the CLI's start-up otherwise.
    const [{ runPublishReports, toPublishJson }, { openPublishEdge }] = await Promise.all([
      import("../use-cases/run-publish-reports.js"),
      import("../github/open-publish-edge.js"),
    ]);
    const edge = openPublishEdge({
      owner: repo[1]!,
      repo: repo[2]!,
      token,
      apiUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
      serverUrl: process.env.GITHUB_SERVER_URL ?? "https://github.com",
      commentAuthor: inputs.commentAuthor,
      log: {
        warning: (message) => process.stderr.write(`warning: ${message}\n`),
        info: (message) => process.stderr.write(`${message}\n`),
        debug: () => undefined,
      },
    });
    const outcome = await runPublishReports({ ...inputs, dryRun: values["dry-run"] === true }, edge);
    process.stdout.write(values.format === "json" ? toPublishJson(outcome) : outcome.markdown);
    return EXIT.ok;
  },
};

/** The action's input schema applied to flags; its refusals become usage errors phrased for a terminal. */
function readCliInputs(getInput: (name: string) => string) {
  try {
    return readPublishInputs(getInput);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new UsageError(error.message.replace(/^Input "([a-z-]+)"/, "--$1"));
  }
}
