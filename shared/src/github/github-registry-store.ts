import { RegistryError } from "../registry/registry-error.js";
import { claimRef } from "../registry/local-git-store.js";
import type { CreateTagOutcome, EventClaim, RegistryStore, StoredAsset, StoredTag } from "../registry/registry-store.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { readStatus, toGitHubApiError } from "./to-github-api-error.js";

/** The fix for a 403/404 on a write: the registry writes tags, refs and releases. */
export const CONTENTS_WRITE_HINT =
  "The registry writes tags, refs and releases: give the job `permissions: contents: write` (a fine-grained token needs Contents: read and write on this repository).";
const CONTENTS_READ_HINT = "Give the job `permissions: contents: read` (or more) on this repository, and check owner/repo.";

interface GitRef {
  ref: string;
  object: { sha: string; type: string };
}

interface GitTagObject {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: string };
}

interface ReleaseAsset {
  id: number;
  name: string;
  browser_download_url: string;
}

interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  upload_url: string;
  assets: ReleaseAsset[];
}

/**
 * The registry in a GitHub repository through the REST API: annotated tag objects (`POST /git/tags`) made visible
 * by refs (`POST /git/refs`, whose 422 "Reference already exists" is the compare-and-swap), counter claims as refs
 * `refs/modelgate/<model>.events/<N>` as in the local store, and artifacts as assets of a release of the version tag.
 * The release is created as a draft (a published release would create the tag itself, lightweight) and published
 * once the annotated version tag exists.
 */
export function openGitHubRegistryStore(octokit: ModelgateOctokit, repository: { owner: string; repo: string }): RegistryStore {
  const repo = { owner: repository.owner, repo: repository.repo };
  // Tag objects never change: each is fetched once per store.
  const tagObjects = new Map<string, Promise<GitTagObject>>();

  const call = async <T>(operation: string, hint: string, run: () => Promise<{ data: unknown }>): Promise<T> => {
    try {
      return (await run()).data as T;
    } catch (error) {
      throw toGitHubApiError(operation, error, hint);
    }
  };
  const matchingRefs = (prefix: string) =>
    call<GitRef[]>(`listing refs ${prefix}*`, CONTENTS_READ_HINT, () =>
      octokit.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", { ...repo, ref: prefix }),
    );
  const readTagObject = (sha: string): Promise<GitTagObject> => {
    let found = tagObjects.get(sha);
    if (!found) {
      found = call<GitTagObject>(`reading tag object ${sha}`, CONTENTS_READ_HINT, () =>
        octokit.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", { ...repo, tag_sha: sha }),
      );
      found.catch(() => tagObjects.delete(sha));
      tagObjects.set(sha, found);
    }
    return found;
  };
  /** Creates a ref; false when it exists (the compare-and-swap lost), throws on anything else. */
  const insertRef = async (ref: string, sha: string): Promise<boolean> => {
    try {
      await octokit.request("POST /repos/{owner}/{repo}/git/refs", { ...repo, ref, sha });
      return true;
    } catch (error) {
      if (readStatus(error) === 422 && /already exists/i.test(String((error as Error).message))) return false;
      throw toGitHubApiError(`creating ref ${ref}`, error, CONTENTS_WRITE_HINT);
    }
  };
  const readRefSha = async (ref: string): Promise<string | undefined> => {
    try {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref });
      return (data as GitRef).object.sha;
    } catch (error) {
      if (readStatus(error) === 404) return undefined;
      throw toGitHubApiError(`reading ref ${ref}`, error, CONTENTS_READ_HINT);
    }
  };
  const findRelease = async (tagName: string): Promise<Release | undefined> => {
    const releases = await call<Release[]>(`listing releases`, CONTENTS_READ_HINT, async () => ({
      data: await octokit.paginate("GET /repos/{owner}/{repo}/releases", { ...repo, per_page: 100 }),
    }));
    return releases.find((release) => release.tag_name === tagName);
  };
  const downloadAsset = (asset: ReleaseAsset) =>
    call<ArrayBuffer>(`downloading asset ${asset.name}`, CONTENTS_READ_HINT, () =>
      octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", { ...repo, asset_id: asset.id, headers: { accept: "application/octet-stream" } }),
    ).then((data) => new Uint8Array(data));

  return {
    async listTags(prefix) {
      const refs = await matchingRefs(`tags/${prefix}`);
      return Promise.all(
        refs.map(async (ref): Promise<StoredTag> => {
          const name = ref.ref.slice("refs/tags/".length);
          if (ref.object.type !== "tag") return { name, objectSha: ref.object.sha, commitSha: ref.object.sha, message: "" };
          const tag = await readTagObject(ref.object.sha);
          return { name, objectSha: tag.sha, commitSha: tag.object.sha, message: tag.message };
        }),
      );
    },
    async listClaims(model) {
      const prefix = `refs/modelgate/${model}.events/`;
      const refs = await matchingRefs(prefix.slice("refs/".length));
      const claims: EventClaim[] = [];
      for (const ref of refs) {
        const counter = Number(ref.ref.slice(prefix.length));
        if (!ref.ref.startsWith(prefix) || !Number.isSafeInteger(counter) || ref.object.type !== "tag") continue;
        const tag = await readTagObject(ref.object.sha);
        claims.push({ counter, tag: { name: tag.tag, objectSha: tag.sha, commitSha: tag.object.sha, message: tag.message } });
      }
      return claims;
    },
    insertTagRef: (tag) => insertRef(`refs/tags/${tag.name}`, tag.objectSha),
    async createTag({ name, commitSha, message, claim }): Promise<CreateTagOutcome> {
      const created = await call<GitTagObject>(`creating tag object ${name}`, CONTENTS_WRITE_HINT, () =>
        octokit.request("POST /repos/{owner}/{repo}/git/tags", { ...repo, tag: name, message, object: commitSha, type: "commit" }),
      );
      tagObjects.set(created.sha, Promise.resolve(created));
      if (claim && !(await insertRef(claimRef(claim.model, claim.counter), created.sha))) return { created: false };
      // After a won claim, a reader that saw the claim may have written the tag ref for us (it finishes pending
      // events): the ref then holds our object, and the event is ours.
      if (!(await insertRef(`refs/tags/${name}`, created.sha)) && (await readRefSha(`tags/${name}`)) !== created.sha) return { created: false };
      if (!claim) await publishRelease(name);
      return { created: true, tag: { name, objectSha: created.sha, commitSha, message: created.message } };
    },
    async resolveCommit(ref) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { ...repo, ref, headers: { accept: "application/vnd.github.sha" } });
        return String(data as unknown).trim();
      } catch (error) {
        const status = readStatus(error);
        if (status === 404 || status === 422) return undefined;
        throw toGitHubApiError(`resolving ${ref}`, error, CONTENTS_READ_HINT);
      }
    },
    async putAssets(versionTag, assets: StoredAsset[]) {
      const release =
        (await findRelease(versionTag)) ??
        (await call<Release>(`creating the release of ${versionTag}`, CONTENTS_WRITE_HINT, () =>
          octokit.request("POST /repos/{owner}/{repo}/releases", { ...repo, tag_name: versionTag, name: versionTag, draft: true }),
        ));
      const uris = new Map<string, string>();
      for (const asset of assets) {
        const existing = release.assets.find((candidate) => candidate.name === asset.name);
        if (existing) {
          const stored = await downloadAsset(existing);
          if (Buffer.compare(Buffer.from(stored), Buffer.from(asset.bytes)) !== 0) {
            throw new RegistryError(
              `Release ${versionTag} already has an asset ${asset.name} with other bytes.`,
              `Delete the draft release of ${versionTag} if no version tag ${versionTag} exists, or promote a new version.`,
              { path: asset.name },
            );
          }
          uris.set(asset.name, existing.browser_download_url);
          continue;
        }
        const origin = new URL(release.upload_url.replace(/\{.*$/, "")).origin;
        const uploaded = await call<ReleaseAsset>(`uploading asset ${asset.name} to ${versionTag}`, CONTENTS_WRITE_HINT, () =>
          octokit.request("POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name}", {
            ...repo,
            baseUrl: origin,
            release_id: release.id,
            name: asset.name,
            data: Buffer.from(asset.bytes) as unknown as string,
            headers: { "content-type": "application/octet-stream" },
          }),
        );
        uris.set(asset.name, uploaded.browser_download_url);
      }
      return uris;
    },
    async readAsset(versionTag, name) {
      const asset = (await findRelease(versionTag))?.assets.find((candidate) => candidate.name === name);
      return asset === undefined ? undefined : downloadAsset(asset);
    },
  };

  async function publishRelease(tagName: string): Promise<void> {
    const release = await findRelease(tagName);
    if (!release?.draft) return;
    await call(`publishing the release of ${tagName}`, CONTENTS_WRITE_HINT, () =>
      octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", { ...repo, release_id: release.id, draft: false }),
    );
  }
}
