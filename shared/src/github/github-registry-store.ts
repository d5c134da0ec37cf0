import { claimPrefix, claimRef, commitClaimPrefix, commitClaimRef } from "../registry/claim-refs.js";
import { shellQuote } from "../registry/shell-quote.js";
import type { CreateTagOutcome, RegistryStore, StoredTag } from "../registry/registry-store.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { CONTENTS_READ_HINT, CONTENTS_WRITE_HINT, openGitHubReleaseAssets } from "./github-release-assets.js";
import { readStatus, toGitHubApiError } from "./to-github-api-error.js";

export { CONTENTS_WRITE_HINT } from "./github-release-assets.js";

interface GitRef {
  ref: string;
  object: { sha: string; type: string };
}

interface GitTagObject {
  sha: string;
  tag: string;
  message: string;
  tagger: { name: string; email: string; date: string };
  object: { sha: string; type: string };
}

/**
 * The registry in a GitHub repository through the REST API: annotated tag objects (`POST /git/tags`) made visible
 * by refs (`POST /git/refs`, whose 422 "Reference already exists" is the compare-and-swap), counter and commit
 * claims as refs under `refs/modelgate/` as in the local store, and artifacts as assets of a release of the version
 * tag, staged in a draft release of the writer's own and published once the version tag exists.
 */
export function openGitHubRegistryStore(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
): RegistryStore {
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
  const toStoredTag = (tag: GitTagObject, name = tag.tag): StoredTag => ({
    name,
    objectSha: tag.sha,
    commitSha: tag.object.sha,
    message: tag.message,
    taggerTime: Math.floor(Date.parse(tag.tagger.date) / 1000),
    tagger: tag.tagger.name,
  });
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
  const deleteRef = async (ref: string) => {
    await call(`deleting ref ${ref}`, CONTENTS_WRITE_HINT, () =>
      octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...repo, ref }),
    );
  };
  /** Refs under `prefix` holding annotated tag objects, keyed by the part after the prefix. */
  const listClaimed = async (prefix: string) => {
    const refs = await matchingRefs(prefix.slice("refs/".length));
    const claimed: { key: string; tag: StoredTag }[] = [];
    for (const ref of refs) {
      if (!ref.ref.startsWith(prefix) || ref.object.type !== "tag") continue;
      claimed.push({ key: ref.ref.slice(prefix.length), tag: toStoredTag(await readTagObject(ref.object.sha)) });
    }
    return claimed;
  };

  return {
    async listTags(prefix) {
      const refs = await matchingRefs(`tags/${prefix}`);
      return Promise.all(
        refs.map(async (ref): Promise<StoredTag> => {
          const name = ref.ref.slice("refs/tags/".length);
          if (ref.object.type !== "tag")
            return {
              name,
              objectSha: ref.object.sha,
              commitSha: ref.object.sha,
              message: "",
              taggerTime: null,
              tagger: "",
            };
          return toStoredTag(await readTagObject(ref.object.sha), name);
        }),
      );
    },
    async listClaims(model) {
      const claimed = await listClaimed(claimPrefix(model));
      return claimed
        .filter(({ key }) => /^[0-9]+$/.test(key) && Number.isSafeInteger(Number(key)))
        .map(({ key, tag }) => ({ counter: Number(key), tag }));
    },
    async listCommitClaims(model) {
      const claimed = await listClaimed(commitClaimPrefix(model));
      return claimed
        .filter(({ key }) => /^[0-9a-f]{40,64}$/.test(key))
        .map(({ key, tag }) => ({ commitSha: key, tag }));
    },
    insertTagRef: (tag) => insertRef(`refs/tags/${tag.name}`, tag.objectSha),
    async createTag({ name, commitSha, message, taggerTime, tagger, claim, commitClaim }): Promise<CreateTagOutcome> {
      const identity = {
        name: tagger,
        email: `${tagger.replace(/\[bot\]$/, "")}@users.noreply.github.com`,
        date: new Date(taggerTime * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      };
      const created = await call<GitTagObject>(`creating tag object ${name}`, CONTENTS_WRITE_HINT, () =>
        octokit.request("POST /repos/{owner}/{repo}/git/tags", {
          ...repo,
          tag: name,
          message,
          object: commitSha,
          type: "commit",
          tagger: identity,
        }),
      );
      tagObjects.set(created.sha, Promise.resolve(created));
      if (claim && !(await insertRef(claimRef(claim.model, claim.counter), created.sha))) return { created: false };
      const commitRef = commitClaim ? commitClaimRef(commitClaim.model, commitSha) : undefined;
      if (commitRef && !(await insertRef(commitRef, created.sha))) return { created: false };
      // After a won counter claim, a reader that saw the claim may have written the tag ref for us (it finishes
      // pending events): the ref then holds our object, and the event is ours.
      if (!(await insertRef(`refs/tags/${name}`, created.sha)) && (await readRefSha(`tags/${name}`)) !== created.sha) {
        // The commit claim is ours alone (nobody else could create it), so releasing it needs no compare.
        if (commitRef) await deleteRef(commitRef.slice("refs/".length));
        return { created: false };
      }
      return { created: true, tag: toStoredTag(created, name) };
    },
    async resolveCommit(ref) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", {
          ...repo,
          ref,
          headers: { accept: "application/vnd.github.sha" },
        });
        return String(data as unknown).trim();
      } catch (error) {
        const status = readStatus(error);
        if (status === 404 || status === 422) return undefined;
        throw toGitHubApiError(`resolving ${ref}`, error, CONTENTS_READ_HINT);
      }
    },
    // `#` would start a URL fragment: the ref's path segments are percent-encoded.
    refRemoval: (ref) =>
      `gh api -X DELETE ${shellQuote(`repos/${repo.owner}/${repo.repo}/git/refs/${ref.slice("refs/".length).split("/").map(encodeURIComponent).join("/")}`)}`,
    ...openGitHubReleaseAssets(octokit, repo, call),
  };
}
