import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { RegistryError } from "./registry-error.js";
import type { CreateTagOutcome, EventClaim, RegistryStore, StoredAsset, StoredTag } from "./registry-store.js";
import { runGit } from "./run-git.js";

/** The ref namespace of event counter claims: `refs/modelgate/<model>.events/<N>` (`.` is outside model names). */
export function claimRef(model: string, counter: number): string {
  return `refs/modelgate/${model}.events/${counter}`;
}

const FIELD = "%00";
const RECORD_END = "%00%00%00";

/**
 * The registry in a local git repository: tags through `git mktag` + `git update-ref` (the update refuses a ref
 * that exists, which makes it the compare-and-swap), artifacts in a folder beside it (`<assetDir>/<tag>/<name>`).
 */
export function openLocalGitStore(options: { repoDir: string; assetDir: string; env?: NodeJS.ProcessEnv }): RegistryStore {
  const { repoDir, assetDir } = options;
  const git = async (args: string[], input?: string) => {
    const output = await runGit(repoDir, args, { input, env: options.env });
    return output;
  };
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
  const refExists = async (ref: string) => (await git(["rev-parse", "--verify", "--quiet", ref])).code === 0;
  // Inserting a ref must fail when it exists: `update-ref <ref> <new> ""` (empty old value) does exactly that.
  const insertRef = async (ref: string, sha: string) => (await git(["update-ref", "--no-deref", ref, sha, ""])).code === 0;

  return {
    async listTags(prefix) {
      const format = ["%(refname:strip=2)", "%(objectname)", "%(objecttype)", "%(*objectname)", "%(contents)"].join(FIELD) + RECORD_END;
      const text = await mustGit(["for-each-ref", `--format=${format}`, "refs/tags/"]);
      const tags: StoredTag[] = [];
      for (const record of text.split("\0\0\0")) {
        const [name, objectSha, type, target, message] = record.replace(/^\n/, "").split("\0");
        if (!name || !objectSha || !name.startsWith(prefix)) continue;
        const commitSha = type === "tag" ? target! : objectSha;
        tags.push({ name, objectSha, commitSha, message: type === "tag" ? (message ?? "") : "" });
      }
      return tags;
    },
    async listClaims(model) {
      const prefix = `refs/modelgate/${model}.events/`;
      const format = ["%(refname)", "%(objectname)", "%(tag)", "%(*objectname)", "%(contents)"].join(FIELD) + RECORD_END;
      const text = await mustGit(["for-each-ref", `--format=${format}`, prefix]);
      const claims: EventClaim[] = [];
      for (const record of text.split("\0\0\0")) {
        const [ref, objectSha, name, commitSha, message] = record.replace(/^\n/, "").split("\0");
        const counter = Number(ref?.slice(prefix.length));
        if (!ref?.startsWith(prefix) || !Number.isSafeInteger(counter) || !objectSha || !name || !commitSha) continue;
        claims.push({ counter, tag: { name, objectSha, commitSha, message: message ?? "" } });
      }
      return claims;
    },
    insertTagRef: (tag) => insertRef(`refs/tags/${tag.name}`, tag.objectSha),
    async createTag({ name, commitSha, message, claim }): Promise<CreateTagOutcome> {
      const tagRef = `refs/tags/${name}`;
      if (await refExists(tagRef)) return { created: false };
      const ident = (await mustGit(["var", "GIT_COMMITTER_IDENT"])).trim();
      const body = `object ${commitSha}\ntype commit\ntag ${name}\ntagger ${ident}\n\n${message.endsWith("\n") ? message : `${message}\n`}`;
      const objectSha = (await mustGit(["mktag"], body)).trim();
      if (claim && !(await insertRef(claimRef(claim.model, claim.counter), objectSha))) return { created: false };
      // After a won claim, a reader that saw the claim may have written the tag ref for us (it finishes pending
      // events): the ref then holds our object, and the event is ours.
      if (!(await insertRef(tagRef, objectSha)) && (await git(["rev-parse", "--verify", "--quiet", tagRef])).stdout.toString("utf8").trim() !== objectSha) {
        return { created: false };
      }
      return { created: true, tag: { name, objectSha, commitSha, message } };
    },
    async resolveCommit(ref) {
      const output = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
      return output.code === 0 ? output.stdout.toString("utf8").trim() : undefined;
    },
    async putAssets(versionTag, assets: StoredAsset[]) {
      const folder = path.join(assetDir, versionTag);
      await mkdir(folder, { recursive: true });
      const uris = new Map<string, string>();
      for (const asset of assets) {
        const file = path.join(folder, asset.name);
        await writeFile(file, asset.bytes);
        uris.set(asset.name, `file://${file}`);
      }
      return uris;
    },
    async readAsset(versionTag, name) {
      try {
        return await readFile(path.join(assetDir, versionTag, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
  };
}
