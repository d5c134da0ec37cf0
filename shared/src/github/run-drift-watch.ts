import { GitHubApiError } from "../core/modelgate-error.js";
import type { ValidateDataResult } from "../validate/validate-result.js";
import type { ActionRun } from "./action-run.js";
import { renderResultMarkdown } from "../report/render-result-markdown.js";
import { syncDriftIssue } from "./sync-drift-issue.js";

export interface DriftWatchInputs {
  issue: boolean;
  issueLabels: string[];
  dispatch?: string | undefined;
  dispatchRef?: string | undefined;
}

/**
 * validate-data's scheduled mode: keeps the drift issue in step with the result and dispatches the workflow when
 * drift trips. What it did becomes a note of the result; an API failure is a note and a warning-level outcome,
 * never a change of the data's verdict (as for comments, contract §2).
 */
export async function runDriftWatch(
  run: ActionRun,
  result: ValidateDataResult,
  inputs: DriftWatchInputs,
): Promise<ValidateDataResult> {
  if (!inputs.issue) return result;
  if (result.drift === null)
    return {
      ...result,
      notes: [
        ...result.notes,
        "issue: true has no effect without a reference (or with schema-only): there is no drift to watch.",
      ],
    };
  try {
    const client = await run.github("open or close the drift issue");
    const dispatch = inputs.dispatch ? { workflow: inputs.dispatch, ref: inputs.dispatchRef! } : undefined;
    const outcome = await syncDriftIssue(client, result, await renderResultMarkdown(result), {
      labels: inputs.issueLabels,
      runUrl: run.context.runUrl,
      dispatch,
    });
    const did =
      outcome.action === "none"
        ? "No drift issue is open and none is needed."
        : `Drift issue ${outcome.action}: ${outcome.url}.`;
    const dispatched = outcome.dispatched ? ` Dispatched ${outcome.dispatched} on ${inputs.dispatchRef}.` : "";
    return { ...result, notes: [...result.notes, `${did}${dispatched}`] };
  } catch (error) {
    const reason =
      error instanceof GitHubApiError
        ? `${error.message} ${error.hint}`
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      ...result,
      notes: [
        ...result.notes,
        `The drift issue could not be updated (the verdict is unchanged; the workflow needs issues: write, and actions: write for dispatch): ${reason}`,
      ],
    };
  }
}
