import { RegistryError } from "./registry-error.js";
import { claimPrefix, claimRef, commitClaimPrefix, commitClaimRef } from "./claim-refs.js";
import { openLocalAssetStore } from "./local-asset-store.js";
import { shellQuote } from "./shell-quote.js";
import type { CreateTagOutcome, RegistryStore, StoredTag } from "./registry-store.js";
import { runGit } from "./run-git.js";

export { claimRef } from "./claim-refs.js";

const FIELD = "%00";
const RECORD_END = "%00%00%00";
const TAG_FORMAT =
  [
    "%(refname)",
    "%(objectname)",
    "%(objecttype)",
    "%(*objectname)",
    "%(taggerdate:unix)",
    "%(taggername)",
    "%(tag)",
    "%(contents)",
  ].join(FIELD) + RECORD_END;

interface RefRecord {
  ref: string;
  tag: StoredTag;
}

/**
 * The registry in a local git repository: tags through `git mktag` + `git update-ref` (the update refuses a ref
 * that exists, which makes it the compare-and-swap), artifacts in a folder beside it (`<assetDir>/<tag>/<name>`).
 */
export function openLocalGitStore(options: {
  repoDir: string;
  assetDir: string;
  env?: NodeJS.ProcessEnv;
}): RegistryStore {
  const { repoDir } = options;
  const git = (args: string[], input?: string) => runGit(repoDir, args, { input, env: options.env });
  const mustGit = async (args: string[], input?: string): Promise<string> => {
    const output = await git(args, input);
    if (output.code !== 0) {
      throw new RegistryError(
        `git ${args[0]} failed in ${repoDir}: ${output.stderr.trim()}`,
        `Check that ${repoDir} is a git repository you can write to and that git's user.name and user.email are set.`,
      );
    }
    return output.stdout.toString("utf8");
  };
  const readRef = async (ref: string) => {
    const output = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref]);
    return output.code === 0 ? output.stdout.toString("utf8").trim() : undefined;
  };
  // Inserting a ref must fail when it exists: `update-ref <ref> <new> ""` (empty old value) does exactly that.
  const insertRef = async (ref: string, sha: string) =>
    (await git(["update-ref", "--no-deref", ref, sha, ""])).code === 0;
  // Deleting only when the ref still holds `sha`: a ref someone else wrote meanwhile is left alone.
  const deleteRef = async (ref: string, sha: string) =>
    (await git(["update-ref", "--no-deref", "-d", ref, sha])).code === 0;
  const listRefs = async (prefix: string): Promise<RefRecord[]> => {
    const text = await mustGit(["for-each-ref", `--format=${TAG_FORMAT}`, prefix]);
    const records: RefRecord[] = [];
    for (const record of text.split("\0\0\0")) {
      const [ref, objectSha, type, target, time, tagger, name, message] = record.replace(/^\n/, "").split("\0");
      if (!ref || !objectSha) continue;
      const annotated = type === "tag";
      const fallbackName = ref.replace(/^refs\/tags\//, "");
      records.push({
        ref,
        tag: {
          name: annotated ? name || fallbackName : fallbackName,
          objectSha,
          commitSha: annotated ? target! : objectSha,
          message: annotated ? (message ?? "") : "",
          taggerTime: annotated && time ? Number(time) : null,
          tagger: annotated ? (tagger ?? "") : "",
        },
      });
    }
    return records;
  };
  const listCounted = async (prefix: string) =>
    (await listRefs(prefix)).map((record) => ({ key: record.ref.slice(prefix.length), tag: record.tag }));

  return {
    async listTags(prefix) {
      const records = await listRefs("refs/tags/");
      return records
        .map((record) => ({ ...record.tag, name: record.ref.slice("refs/tags/".length) }))
        .filter((tag) => tag.name.startsWith(prefix));
    },
    async listClaims(model) {
      const claims = await listCounted(claimPrefix(model));
      return claims
        .filter(({ key, tag }) => /^[0-9]+$/.test(key) && Number.isSafeInteger(Number(key)) && tag.taggerTime !== null)
        .map(({ key, tag }) => ({ counter: Number(key), tag }));
    },
    async listCommitClaims(model) {
      const claims = await listCounted(commitClaimPrefix(model));
      return claims
        .filter(({ key, tag }) => /^[0-9a-f]{40,64}$/.test(key) && tag.taggerTime !== null)
        .map(({ key, tag }) => ({ commitSha: key, tag }));
    },
    insertTagRef: (tag) => insertRef(`refs/tags/${tag.name}`, tag.objectSha),
    async createTag({ name, commitSha, message, taggerTime, claim, commitClaim }): Promise<CreateTagOutcome> {
      const tagRef = `refs/tags/${name}`;
      if ((await readRef(tagRef)) !== undefined) return { created: false };
      // git's committer identity, with the time the registry chose (strictly after the model's last tag).
      const ident = (await mustGit(["var", "GIT_COMMITTER_IDENT"])).trim().replace(/ -?\d+ [+-]\d{4}$/, "");
      const body = `object ${commitSha}\ntype commit\ntag ${name}\ntagger ${ident} ${taggerTime} +0000\n\n${message.endsWith("\n") ? message : `${message}\n`}`;
      const objectSha = (await mustGit(["mktag"], body)).trim();
      const tagger = ident.replace(/ <.*$/, "");
      const tag: StoredTag = { name, objectSha, commitSha, message, taggerTime, tagger };
      if (claim && !(await insertRef(claimRef(claim.model, claim.counter), objectSha))) return { created: false };
      const commitRef = commitClaim ? commitClaimRef(commitClaim.model, commitSha) : undefined;
      if (commitRef && !(await insertRef(commitRef, objectSha))) return { created: false };
      // After a won counter claim, a reader that saw the claim may have written the tag ref for us (it finishes
      // pending events): the ref then holds our object, and the event is ours.
      if (!(await insertRef(tagRef, objectSha)) && (await readRef(tagRef)) !== objectSha) {
        if (commitRef) await deleteRef(commitRef, objectSha);
        return { created: false };
      }
      return { created: true, tag };
    },
    async resolveCommit(ref) {
      return readRef(`${ref}^{commit}`);
    },
    refRemoval: (ref) => `git -C ${shellQuote(repoDir)} update-ref -d ${shellQuote(ref)}`,
    ...openLocalAssetStore(options.assetDir),
  };
}
