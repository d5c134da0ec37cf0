import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Stand-in interpreters, so a test does not depend on which Pythons a machine has: `python3` and `node`
 * shell scripts in their own folders. Each answers modelgate's probes as the real one would (Python's
 * `-c` probe: version, sys.executable, one `name==version` per package; Node's `--version`) and otherwise
 * "trains": it writes out/model.bin naming itself, so a test sees which interpreter ran.
 */
export interface FakeInterpreters {
  root: string;
  /** Folders holding `python3` and `node`: `first` (Python 3.99.1, Node v99.1.0) and `second` (3.99.2, v99.2.0). */
  first: string;
  second: string;
}

const python = (version: string) => `#!/bin/sh
# A stand-in Python ${version}.
while [ "$1" != "-c" ] && [ "\${1#-}" != "$1" ]; do shift; done
if [ "$1" = "-c" ]; then printf '%s\\n%s\\nzeta==2.0\\nfakepkg==1.0\\n' "${version}" "$0"; exit 0; fi
mkdir -p out && printf 'trained by %s\\n' "$0" > out/model.bin
`;

const node = (version: string) => `#!/bin/sh
# A stand-in Node.js ${version}.
if [ "$1" = "--version" ]; then echo "${version}"; exit 0; fi
mkdir -p out && printf 'trained by %s\\n' "$0" > out/model.bin
`;

export function fakeInterpreters(): FakeInterpreters {
  const root = mkdtempSync(path.join(tmpdir(), "modelgate-interpreters-"));
  const make = (folder: string, pythonVersion: string, nodeVersion: string) => {
    const dir = path.join(root, folder);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "python3"), python(pythonVersion));
    writeFileSync(path.join(dir, "node"), node(nodeVersion));
    chmodSync(path.join(dir, "python3"), 0o755);
    chmodSync(path.join(dir, "node"), 0o755);
    return dir;
  };
  return { root, first: make("first", "3.99.1", "v99.1.0"), second: make("second", "3.99.2", "v99.2.0") };
}

/** printf 'fakepkg==1.0\nzeta==2.0\n' | sha256sum */
export const FAKE_PACKAGES_SHA256 = "e621f0d36b6a8360ca8139fb212f62d8a475267feb52d2cc92db5b29c6e63cc3";

/** Writes an executable script `name` in `dir` with the given `#!` line and returns its path. */
export function script(dir: string, name: string, shebang: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${shebang}\nprint("training")\n`);
  chmodSync(file, 0o755);
  return file;
}
