import { createHash, randomBytes } from "node:crypto";
import type { ResultsState } from "./results-state.js";

/** A Twirp answer: the JSON body and its HTTP status (errors use Twirp's `{code, msg}`). */
export interface TwirpAnswer {
  status: number;
  body: Record<string, unknown>;
}

type Message = Record<string, unknown>;

/** Answers one checked call of the artifact or cache service against the stored state. */
export function answerTwirp(state: ResultsState, method: string, message: Message, origin: string): TwirpAnswer {
  switch (method) {
    case "CreateArtifact": {
      const existing = findArtifact(state, message);
      if (existing?.finalized)
        return twirpError(
          409,
          "already_exists",
          `an artifact named ${String(message.name)} already exists for this workflow run`,
        );
      const blobId = issueBlob(state);
      const artifact = {
        id: state.nextId++,
        runId: String(message.workflow_run_backend_id),
        jobId: String(message.workflow_job_run_backend_id),
        name: String(message.name),
        blobId,
        size: null,
        hash: null,
        finalized: false,
      };
      state.artifacts = state.artifacts.filter((a) => a !== existing).concat(artifact);
      return ok({ ok: true, signed_upload_url: signedUrl(state, origin, blobId) });
    }
    case "FinalizeArtifact": {
      const artifact = findArtifact(state, message);
      if (!artifact) return twirpError(404, "not_found", "FinalizeArtifact for an artifact that was never created");
      const data = state.blobs.get(artifact.blobId)?.data;
      if (!data) return twirpError(400, "failed_precondition", "FinalizeArtifact before the upload was committed");
      if (Number(message.size) !== data.length)
        return twirpError(
          400,
          "invalid_argument",
          `size ${String(message.size)} differs from the ${data.length} bytes uploaded`,
        );
      const sha = `sha256:${createHash("sha256").update(data).digest("hex")}`;
      if (message.hash !== undefined && message.hash !== sha)
        return twirpError(
          400,
          "invalid_argument",
          `hash ${String(message.hash)} differs from the uploaded bytes' ${sha}`,
        );
      Object.assign(artifact, { size: data.length, hash: sha, finalized: true });
      return ok({ ok: true, artifact_id: String(artifact.id) });
    }
    case "ListArtifacts": {
      const listed = state.artifacts.filter(
        (a) =>
          a.finalized &&
          a.runId === message.workflow_run_backend_id &&
          (message.name_filter === undefined || a.name === message.name_filter),
      );
      return ok({
        artifacts: listed.map((a) => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: a.jobId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: "2026-01-01T00:00:00Z",
          digest: a.hash,
        })),
      });
    }
    case "GetSignedArtifactURL": {
      const artifact = findArtifact(state, message);
      if (!artifact?.finalized) return twirpError(404, "not_found", `no artifact named ${String(message.name)}`);
      return ok({ signed_url: signedUrl(state, origin, artifact.blobId) });
    }
    case "GetCacheEntryDownloadURL": {
      const keys = [String(message.key), ...((message.restore_keys as string[] | undefined) ?? [])];
      const entries = state.cacheEntries.filter((e) => e.finalized && e.version === message.version);
      const hit =
        entries.find((e) => e.key === keys[0]) ??
        keys
          .slice(1)
          .map((k) => entries.find((e) => e.key.startsWith(k)))
          .find(Boolean);
      return ok(
        hit
          ? { ok: true, signed_download_url: signedUrl(state, origin, hit.blobId), matched_key: hit.key }
          : { ok: false },
      );
    }
    case "CreateCacheEntry": {
      if (state.cacheEntries.some((e) => e.key === message.key && e.version === message.version))
        return ok({ ok: false, message: "cache entry already exists" });
      const blobId = issueBlob(state);
      state.cacheEntries.push({
        id: state.nextId++,
        key: String(message.key),
        version: String(message.version),
        blobId,
        size: null,
        finalized: false,
      });
      return ok({ ok: true, signed_upload_url: signedUrl(state, origin, blobId) });
    }
    case "FinalizeCacheEntryUpload": {
      const entry = state.cacheEntries.find(
        (e) => e.key === message.key && e.version === message.version && !e.finalized,
      );
      const data = entry && state.blobs.get(entry.blobId)?.data;
      if (!entry || !data)
        return twirpError(
          400,
          "failed_precondition",
          "FinalizeCacheEntryUpload before CreateCacheEntry and the upload",
        );
      if (Number(message.size_bytes) !== data.length)
        return twirpError(
          400,
          "invalid_argument",
          `size_bytes ${String(message.size_bytes)} differs from the ${data.length} bytes uploaded`,
        );
      Object.assign(entry, { size: data.length, finalized: true });
      return ok({ ok: true, entry_id: String(entry.id) });
    }
    default:
      return twirpError(404, "bad_route", `no method ${method}`);
  }
}

function findArtifact(state: ResultsState, message: Message) {
  return state.artifacts.find((a) => a.runId === message.workflow_run_backend_id && a.name === message.name);
}

function issueBlob(state: ResultsState): string {
  const id = `b${state.nextId++}`;
  state.blobs.set(id, {
    blocks: new Map(),
    data: null,
    contentType: "application/octet-stream",
    signature: randomBytes(12).toString("hex"),
  });
  return id;
}

function signedUrl(state: ResultsState, origin: string, blobId: string): string {
  return `${origin}/blob/${blobId}?sv=2025-05-05&se=2099-01-01T00%3A00%3A00Z&sig=${state.blobs.get(blobId)!.signature}`;
}

const ok = (body: Record<string, unknown>): TwirpAnswer => ({ status: 200, body });
const twirpError = (status: number, code: string, msg: string): TwirpAnswer => ({ status, body: { code, msg } });
