import { errorResponse, notFound } from "./error-bodies.js";
import type { RouteHandler } from "./route-handler.js";

/**
 * `POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches`: as GitHub, 404 when no workflow file of
 * that name exists at the ref (`.github/workflows/<id>`, served by `setFile`), 422 when it has no
 * `workflow_dispatch` trigger, else 204 and the dispatch is recorded for the test to read.
 */
export const dispatchWorkflow: RouteHandler = ({ params, body, state, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const input = (body ?? {}) as { ref: string; inputs?: Record<string, unknown> };
  const workflow = String(params.workflow_id);
  const text = repo.files.get(`${input.ref}\0.github/workflows/${workflow}`);
  if (text === undefined) return notFound(docs);
  if (!/\bworkflow_dispatch\b/.test(text))
    return errorResponse(422, "Workflow does not have 'workflow_dispatch' trigger", docs);
  repo.dispatches.push({ workflow, ref: input.ref, inputs: structuredClone(input.inputs ?? {}) });
  return { status: 204, body: undefined };
};
