/** What the stand-in stores: blobs as sent, artifacts and cache entries as finalized, and every request. */
export interface Blob {
  /** Blocks staged by Put Block, by their base64 id, until Put Block List commits them. */
  blocks: Map<string, Buffer>;
  data: Buffer | null;
  /** x-ms-blob-content-type of the upload, served back as content-type as Azure does. */
  contentType: string;
  signature: string;
}

export interface StoredArtifact {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  blobId: string;
  size: number | null;
  hash: string | null;
  finalized: boolean;
}

export interface StoredCacheEntry {
  id: number;
  key: string;
  version: string;
  blobId: string;
  size: number | null;
  finalized: boolean;
}

export interface RecordedRequest {
  method: string;
  /** `ArtifactService/CreateArtifact`, `blob:put-block`, … */
  call: string;
  /** Why the stand-in refused it; empty for an accepted request. */
  problems: string[];
}

export interface ResultsState {
  token: string;
  blobs: Map<string, Blob>;
  artifacts: StoredArtifact[];
  cacheEntries: StoredCacheEntry[];
  requests: RecordedRequest[];
  nextId: number;
}
