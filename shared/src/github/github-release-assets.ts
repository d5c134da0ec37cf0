import { sha256Hex } from "../core/digest.js";
import { RegistryError } from "../registry/registry-error.js";
import type { RegistryStore, StagedAssets, StoredAsset, StoredAssetEntry } from "../registry/registry-store.js";
import { parseRegistryTag } from "../registry/registry-tags.js";
import { shellQuote } from "../registry/shell-quote.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { readStatus, toGitHubApiError } from "./to-github-api-error.js";

export const CONTENTS_WRITE_HINT =
  "The registry writes tags, refs and releases: give the job `permissions: contents: write` (a fine-grained token needs Contents: read and write on this repository).";
export const CONTENTS_READ_HINT =
  "Give the job `permissions: contents: read` (or more) on this repository, and check owner/repo.";

interface ReleaseAsset {
  id: number;
  name: string;
  size: number;
  digest?: string | null;
  created_at: string;
}

interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  html_url: string;
  upload_url: string;
  created_at: string;
  assets: ReleaseAsset[];
}

type Call = <T>(operation: string, hint: string, run: () => Promise<{ data: unknown }>) => Promise<T>;

/**
 * Artifacts as GitHub Release assets. Each writer stages into a draft release of its own (GitHub allows several
 * drafts per tag name, and a draft creates no tag); once it created the version tag's ref it publishes that draft,
 * and a writer that lost deletes its draft. Only the published release of a tag holds the version's artifacts.
 */
export function openGitHubReleaseAssets(
  octokit: ModelgateOctokit,
  repo: { owner: string; repo: string },
  call: Call,
): Pick<RegistryStore, "stageAssets" | "readAsset" | "listStoredAssets"> {
  const listReleases = () =>
    call<Release[]>("listing releases", CONTENTS_READ_HINT, async () => ({
      data: await octokit.paginate("GET /repos/{owner}/{repo}/releases", { ...repo, per_page: 100 }),
    }));
  // Read from the listing (drafts included, so filtered): a tag name with "/" (team/churn@v1) needs no path escaping.
  const publishedRelease = async (tagName: string) =>
    (await listReleases()).find((release) => release.tag_name === tagName && !release.draft);
  const download = (asset: ReleaseAsset) =>
    call<ArrayBuffer>(`downloading asset ${asset.name}`, CONTENTS_READ_HINT, () =>
      octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        ...repo,
        asset_id: asset.id,
        headers: { accept: "application/octet-stream" },
      }),
    ).then((data) => new Uint8Array(data));
  // GitHub computes each asset's sha256 on upload; older servers do not report it, so then the bytes are read.
  const digestOf = async (asset: ReleaseAsset) =>
    asset.digest?.startsWith("sha256:") ? asset.digest.slice("sha256:".length) : sha256Hex(await download(asset));
  const deleteRelease = async (id: number) => {
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/releases/{release_id}", { ...repo, release_id: id });
    } catch (error) {
      if (readStatus(error) !== 404) throw toGitHubApiError(`deleting draft release ${id}`, error, CONTENTS_WRITE_HINT);
    }
  };

  return {
    async stageAssets(versionTag, assets) {
      const draft = await call<Release>(`creating a draft release for ${versionTag}`, CONTENTS_WRITE_HINT, () =>
        octokit.request("POST /repos/{owner}/{repo}/releases", {
          ...repo,
          tag_name: versionTag,
          name: versionTag,
          draft: true,
          body: "Staged by modelgate promote; published once the version tag exists.",
        }),
      );
      try {
        for (const asset of assets) await upload(draft, asset);
      } catch (error) {
        await deleteRelease(draft.id);
        throw error;
      }
      const web = draft.html_url.replace(/\/releases\/.*$/, "");
      const uris = new Map(
        assets.map((asset) => [
          asset.name,
          `${web}/releases/download/${encodeURIComponent(versionTag)}/${encodeURIComponent(asset.name)}`,
        ]),
      );
      return stagedRelease(draft, versionTag, assets, uris);
    },
    async readAsset(versionTag, name) {
      const asset = (await publishedRelease(versionTag))?.assets.find((candidate) => candidate.name === name);
      return asset === undefined ? undefined : download(asset);
    },
    async listStoredAssets() {
      const entries: StoredAssetEntry[] = [];
      for (const release of await listReleases()) {
        if (parseRegistryTag(release.tag_name)?.kind !== "version") continue;
        if (release.draft && release.assets.length === 0) {
          // A draft a promotion created and stopped before uploading to: staging with nothing in it.
          const removal = `gh api -X DELETE ${shellQuote(`repos/${repo.owner}/${repo.repo}/releases/${release.id}`)}`;
          entries.push({
            versionTag: release.tag_name,
            name: "(no assets)",
            sha256: "",
            bytes: 0,
            published: false,
            location: `release ${release.id} (draft)`,
            createdAt: release.created_at,
            removal,
          });
        }
        for (const asset of release.assets) {
          const location = `release ${release.id}${release.draft ? " (draft)" : ""}`;
          const removal = `gh api -X DELETE ${shellQuote(`repos/${repo.owner}/${repo.repo}/releases/${release.draft ? release.id : `assets/${asset.id}`}`)}`;
          entries.push({
            versionTag: release.tag_name,
            name: asset.name,
            sha256: await digestOf(asset),
            bytes: asset.size,
            published: !release.draft,
            location,
            createdAt: asset.created_at,
            removal,
          });
        }
      }
      return entries;
    },
  };

  async function upload(release: Release, asset: StoredAsset): Promise<void> {
    const origin = new URL(release.upload_url.replace(/\{.*$/, "")).origin;
    await call(`uploading asset ${asset.name} to a draft of ${release.tag_name}`, CONTENTS_WRITE_HINT, () =>
      octokit.request("POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name}", {
        ...repo,
        baseUrl: origin,
        release_id: release.id,
        name: asset.name,
        data: Buffer.from(asset.bytes) as unknown as string,
        headers: { "content-type": "application/octet-stream" },
      }),
    );
  }

  function stagedRelease(
    draft: Release,
    versionTag: string,
    assets: readonly StoredAsset[],
    uris: Map<string, string>,
  ): StagedAssets {
    // The published release of the tag holds the version: an artifact it lacks is uploaded (its bytes are the
    // record's, so this restores it); one it holds with other bytes is never replaced.
    const adopt = async (release: Release) => {
      for (const asset of assets) {
        const stored = release.assets.find((candidate) => candidate.name === asset.name);
        if (!stored) await upload(release, asset);
        else if ((await digestOf(stored)) !== sha256Hex(asset.bytes)) {
          throw new RegistryError(
            `The published release of ${versionTag} (id ${release.id}) holds ${asset.name} with other bytes than this version's record names; nothing was overwritten.`,
            `Run modelgate registry verify --repo ${repo.owner}/${repo.repo}: the release was changed outside modelgate. See "Repairing the registry" in the catalog.`,
            { path: asset.name },
          );
        }
      }
      await deleteRelease(draft.id);
    };
    return {
      uris,
      async publish() {
        const existing = await publishedRelease(versionTag);
        if (existing) return adopt(existing);
        try {
          await octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
            ...repo,
            release_id: draft.id,
            draft: false,
          });
        } catch (error) {
          // A writer with the same digests published first (a re-run racing the original): its release will do.
          const raced = readStatus(error) === 422 ? await publishedRelease(versionTag) : undefined;
          if (!raced) throw toGitHubApiError(`publishing the release of ${versionTag}`, error, CONTENTS_WRITE_HINT);
          await adopt(raced);
        }
      },
      discard: () => deleteRelease(draft.id),
    };
  }
}
