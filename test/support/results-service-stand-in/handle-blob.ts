import type { IncomingMessage, ServerResponse } from "node:http";
import type { ResultsState } from "./results-state.js";

/**
 * Azure Blob Storage's calls on a signed URL, as @azure/storage-blob makes them: Put Blob (one shot,
 * `x-ms-blob-type: BlockBlob`), Put Block + Put Block List (chunked), and a plain GET to download.
 * Returns the refusal reasons; the caller records them.
 */
export function handleBlob(
  state: ResultsState,
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  response: ServerResponse,
): { call: string; problems: string[] } {
  const blobId = url.pathname.slice("/blob/".length);
  const blob = state.blobs.get(blobId);
  if (!blob) return refuse(response, 404, "blob:unknown", [`no signed URL was issued for blob ${blobId}`]);
  if (url.searchParams.get("sig") !== blob.signature)
    return refuse(response, 403, "blob:forbidden", ["the URL's signature does not match the one issued"]);
  if (request.method === "GET") {
    if (!blob.data) return refuse(response, 404, "blob:get", ["the blob was never committed"]);
    response.writeHead(200, {
      "content-length": blob.data.length,
      "content-type": blob.contentType,
      "x-ms-blob-type": "BlockBlob",
    });
    response.end(blob.data);
    return { call: "blob:get", problems: [] };
  }
  if (request.method !== "PUT") return refuse(response, 405, "blob:method", [`${request.method} is not a blob call`]);
  if (!request.headers["x-ms-version"])
    return refuse(response, 400, "blob:put", ["x-ms-version header is missing (every Azure Storage call carries it)"]);
  const comp = url.searchParams.get("comp");
  if (comp === "block") {
    const blockId = url.searchParams.get("blockid");
    if (!blockId) return refuse(response, 400, "blob:put-block", ["blockid is missing"]);
    blob.blocks.set(blockId, body);
    return created(response, "blob:put-block");
  }
  if (comp === "blocklist") {
    const ids = [
      ...body
        .toString("utf8")
        .matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\/(?:Latest|Committed|Uncommitted)>/g),
    ].map((m) => m[1]!);
    const missing = ids.filter((id) => !blob.blocks.has(id));
    if (ids.length === 0 || missing.length > 0)
      return refuse(response, 400, "blob:put-block-list", [
        ids.length === 0 ? "the block list is empty" : `blocks never staged: ${missing.join(", ")}`,
      ]);
    blob.data = Buffer.concat(ids.map((id) => blob.blocks.get(id)!));
    blob.contentType = String(request.headers["x-ms-blob-content-type"] ?? "application/octet-stream");
    blob.blocks.clear();
    return created(response, "blob:put-block-list");
  }
  if (comp !== null) return refuse(response, 400, `blob:comp-${comp}`, [`comp=${comp} is not supported`]);
  if (request.headers["x-ms-blob-type"] !== "BlockBlob")
    return refuse(response, 400, "blob:put", ["Put Blob needs x-ms-blob-type: BlockBlob"]);
  blob.data = body;
  blob.contentType = String(request.headers["x-ms-blob-content-type"] ?? "application/octet-stream");
  return created(response, "blob:put");
}

function created(response: ServerResponse, call: string) {
  response.writeHead(201, {
    etag: `"0x${Date.now().toString(16)}"`,
    "last-modified": new Date().toUTCString(),
    "x-ms-request-efficient": "true",
    "x-ms-version": "2025-05-05",
    "content-length": 0,
  });
  response.end();
  return { call, problems: [] };
}

function refuse(response: ServerResponse, status: number, call: string, problems: string[]) {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidInput</Code><Message>${problems.join("; ")}</Message></Error>`;
  response.writeHead(status, {
    "content-type": "application/xml",
    "x-ms-error-code": "InvalidInput",
    "content-length": Buffer.byteLength(xml),
  });
  response.end(xml);
  return { call, problems };
}
