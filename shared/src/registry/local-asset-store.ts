import { constants, createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { sha256Hex } from "../core/digest.js";
import { RegistryError } from "./registry-error.js";
import type { RegistryStore, StagedAssets, StoredAsset, StoredAssetEntry } from "./registry-store.js";
import { parseRegistryTag } from "./registry-tags.js";
import { shellQuote } from "./shell-quote.js";

/** Staging folders live here, one per writer; `.` starts no model name, so no version folder can collide. */
const STAGING = ".staging";
/** The file in a staging folder that names the version tag it was staged for. */
const TARGET_FILE = ".version-tag";

/**
 * Artifacts of the local registry: published as `<assetDir>/<tag>/<name>`, staged privately in
 * `<assetDir>/.staging/<random>/` until the writer has created the version tag, then hard-linked into place
 * (a link never replaces an existing file, so a published artifact is never overwritten).
 */
export function openLocalAssetStore(
  assetDir: string,
): Pick<RegistryStore, "stageAssets" | "readAsset" | "listStoredAssets"> {
  const versionFolder = (versionTag: string) => path.join(assetDir, ...versionTag.split("/"));
  return {
    async stageAssets(versionTag, assets) {
      await mkdir(path.join(assetDir, STAGING), { recursive: true });
      const folder = await mkdtemp(path.join(assetDir, STAGING, "promote-"));
      await writeFile(path.join(folder, TARGET_FILE), versionTag);
      for (const asset of assets) await writeFile(path.join(folder, asset.name), asset.bytes);
      return stagedFolder(folder, versionFolder(versionTag), assets);
    },
    async readAsset(versionTag, name) {
      try {
        return await readFile(path.join(versionFolder(versionTag), name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    listStoredAssets: () => listLocalAssets(assetDir),
  };
}

function stagedFolder(folder: string, target: string, assets: readonly StoredAsset[]): StagedAssets {
  return {
    uris: new Map(assets.map((asset) => [asset.name, `file://${path.join(target, asset.name)}`])),
    async publish() {
      await mkdir(target, { recursive: true });
      for (const asset of assets) {
        const from = path.join(folder, asset.name);
        const to = path.join(target, asset.name);
        if (await placeExclusively(from, to)) continue;
        const stored = await readFile(to);
        if (sha256Hex(stored) !== sha256Hex(asset.bytes)) {
          throw new RegistryError(
            `${to} already holds other bytes (sha256 ${sha256Hex(stored)}) than this version's ${asset.name} (sha256 ${sha256Hex(asset.bytes)}); nothing was overwritten.`,
            `Run modelgate registry verify: the artifact store was changed outside modelgate. See "Repairing the registry" in the catalog.`,
            { path: to },
          );
        }
      }
      await rm(folder, { recursive: true, force: true });
    },
    discard: () => rm(folder, { recursive: true, force: true }),
  };
}

/** Links `from` to `to` unless `to` exists (false then); copies exclusively where the file system has no hard links. */
async function placeExclusively(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "EXDEV" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
  }
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Every file under `assetDir`: under a version folder (`…@v<semver>`), in a staging folder, or astray. */
async function listLocalAssets(assetDir: string): Promise<StoredAssetEntry[]> {
  const entries: StoredAssetEntry[] = [];
  const describe = async (file: string, versionTag: string, name: string, published: boolean) => {
    const [digest, info] = await Promise.all([hashFile(file), stat(file)]);
    const removal = published ? `rm ${shellQuote(file)}` : `rm -r ${shellQuote(path.dirname(file))}`;
    entries.push({
      versionTag,
      name,
      ...digest,
      published,
      location: file,
      createdAt: info.mtime.toISOString(),
      removal,
    });
  };
  const walk = async (relative: string): Promise<void> => {
    const folder = path.join(assetDir, relative);
    const children = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    const asTag = relative.split(path.sep).join("/");
    const isVersion = parseRegistryTag(asTag)?.kind === "version";
    for (const child of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const childRelative = path.join(relative, child.name);
      if (relative === "" && child.name === STAGING && child.isDirectory())
        await walkStaging(path.join(assetDir, STAGING));
      else if (child.isDirectory()) await walk(childRelative);
      else if (child.isFile())
        await describe(
          path.join(assetDir, childRelative),
          isVersion ? asTag : "",
          isVersion ? child.name : childRelative.split(path.sep).join("/"),
          true,
        );
    }
  };
  const walkStaging = async (root: string) => {
    for (const folder of (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory())) {
      const dir = path.join(root, folder.name);
      const target = await readFile(path.join(dir, TARGET_FILE), "utf8").catch(() => "");
      for (const file of (await readdir(dir, { withFileTypes: true })).filter(
        (entry) => entry.isFile() && entry.name !== TARGET_FILE,
      )) {
        await describe(path.join(dir, file.name), target, file.name, false);
      }
    }
  };
  await walk("");
  return entries;
}

/** sha256 and size of a file, read as a stream (a model can be larger than memory allows to hold twice). */
async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest("hex"), bytes };
}
