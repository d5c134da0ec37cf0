/**
 * The request messages of the runner's results service as @actions/artifact and @actions/cache send
 * them (protobuf-ts JSON with proto field names, int64 as decimal strings, wrapper types as bare values),
 * from the packages' generated code: node_modules/@actions/{artifact,cache}/lib/generated/results/api/v1/.
 */
export type FieldKind = "string" | "int32" | "int64" | "string[]" | "timestamp" | "metadata";

export interface MessageShape {
  fields: Record<string, FieldKind>;
  required: string[];
}

const RUN_IDS = { workflow_run_backend_id: "string", workflow_job_run_backend_id: "string" } as const;
const RUN_REQUIRED = ["workflow_run_backend_id", "workflow_job_run_backend_id", "name"];

export const ARTIFACT_SERVICE = "github.actions.results.api.v1.ArtifactService";
export const CACHE_SERVICE = "github.actions.results.api.v1.CacheService";

export const SHAPES: Record<string, MessageShape> = {
  [`${ARTIFACT_SERVICE}/CreateArtifact`]: {
    fields: { ...RUN_IDS, name: "string", expires_at: "timestamp", version: "int32", mime_type: "string" },
    required: [...RUN_REQUIRED, "version"],
  },
  [`${ARTIFACT_SERVICE}/FinalizeArtifact`]: {
    fields: { ...RUN_IDS, name: "string", size: "int64", hash: "string" },
    required: [...RUN_REQUIRED, "size"],
  },
  [`${ARTIFACT_SERVICE}/ListArtifacts`]: {
    fields: { ...RUN_IDS, name_filter: "string", id_filter: "int64" },
    required: ["workflow_run_backend_id", "workflow_job_run_backend_id"],
  },
  [`${ARTIFACT_SERVICE}/GetSignedArtifactURL`]: { fields: { ...RUN_IDS, name: "string" }, required: RUN_REQUIRED },
  [`${CACHE_SERVICE}/GetCacheEntryDownloadURL`]: {
    fields: { metadata: "metadata", key: "string", restore_keys: "string[]", version: "string" },
    required: ["key", "version"],
  },
  [`${CACHE_SERVICE}/CreateCacheEntry`]: {
    fields: { metadata: "metadata", key: "string", version: "string" },
    required: ["key", "version"],
  },
  [`${CACHE_SERVICE}/FinalizeCacheEntryUpload`]: {
    fields: { metadata: "metadata", key: "string", size_bytes: "int64", version: "string" },
    required: ["key", "version", "size_bytes"],
  },
};

/** Problems with a request body against its message shape; empty when it fits. */
export function checkMessage(shape: MessageShape, body: unknown): string[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return ["the body is not a JSON object"];
  const problems: string[] = [];
  const message = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(message)) {
    const kind = shape.fields[name];
    if (!kind) problems.push(`unknown field "${name}" (proto field names expected)`);
    else if (!fits(kind, value)) problems.push(`field "${name}" is ${JSON.stringify(value)}, not a ${kind}`);
  }
  for (const name of shape.required)
    if (message[name] === undefined || message[name] === "") problems.push(`required field "${name}" is missing`);
  return problems;
}

function fits(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "int32":
      return Number.isInteger(value);
    case "int64":
      return typeof value === "string" && /^-?\d+$/.test(value);
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "timestamp":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
    case "metadata":
      return typeof value === "object" && value !== null;
  }
}
