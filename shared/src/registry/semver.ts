import { InputError } from "../core/modelgate-error.js";

/** The SemVer 2.0.0 grammar (semver.org), as GTO reads the part after `@v`. */
export const SEMVER_PATTERN =
  "(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)" +
  "(?:-(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?" +
  "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?";
const SEMVER_RE = new RegExp(`^${SEMVER_PATTERN}$`);

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

export type Bump = "major" | "minor" | "patch";

/** Parses `1.2.3` or `v1.2.3`; undefined when it is not SemVer 2.0.0. */
export function parseSemVer(text: string): SemVer | undefined {
  const bare = text.startsWith("v") ? text.slice(1) : text;
  if (!SEMVER_RE.test(bare)) return undefined;
  const [core = "", ...rest] = bare.split("+")[0]!.split("-");
  const prerelease = rest.length === 0 ? [] : rest.join("-").split(".");
  const [major, minor, patch] = core.split(".").map(Number) as [number, number, number];
  return { major, minor, patch, prerelease };
}

/**
 * The registry's spelling of a version: `v` + SemVer, as in the tag `<model>@v<semver>`.
 * @throws InputError when `text` is not SemVer.
 */
export function normalizeVersion(text: string, input = "version"): string {
  const bare = text.startsWith("v") ? text.slice(1) : text;
  if (!SEMVER_RE.test(bare)) {
    throw new InputError(
      `Input "${input}" is "${text}", which is not a semantic version.`,
      `Write it as MAJOR.MINOR.PATCH (e.g. 1.4.0 or v1.4.0), or set bump: major|minor|patch instead.`,
      { input },
    );
  }
  return `v${bare}`;
}

/** SemVer precedence (semver.org §11): negative when a < b; build metadata is ignored. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length);
  }
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifier(a.prerelease[i]!, b.prerelease[i]!);
    if (order !== 0) return order;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

function compareIdentifier(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Math.sign(Number(a) - Number(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next version after the highest of `existing` (`v0.0.0` when none), as `v<semver>`. */
export function bumpVersion(existing: readonly string[], bump: Bump): string {
  const parsed = existing.map(parseSemVer).filter((v): v is SemVer => v !== undefined);
  const highest = parsed.sort(compareSemVer).at(-1) ?? { major: 0, minor: 0, patch: 0, prerelease: [] };
  const { major, minor, patch } = highest;
  const released = highest.prerelease.length > 0;
  if (bump === "major") return `v${major + 1}.0.0`;
  if (bump === "minor") return `v${major}.${minor + 1}.0`;
  return released ? `v${major}.${minor}.${patch}` : `v${major}.${minor}.${patch + 1}`;
}
