import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePatternLines } from "../../../shared/src/lineage/glob-pattern.js";
import { runTraining } from "../../../shared/src/lineage/run-training.js";
import { FAKE_PACKAGES_SHA256, fakeInterpreters, script } from "../../support/fake-interpreters.js";
import { commitAll } from "../../support/git-checkout.js";
import { testServices, trainOptions, trainWorkspace } from "./train-workspace.js";

/** A checkout whose trainer is run by a stand-in interpreter writing out/model.bin; two of them, `first` on PATH. */
function setup() {
  const fakes = fakeInterpreters();
  const ws = trainWorkspace();
  commitAll(ws);
  const services = () => testServices([], { PATH: `${fakes.first}:${fakes.second}:${process.env.PATH ?? ""}` });
  const options = (run: string) =>
    trainOptions(ws, run, {
      inputs: parsePatternLines("customers.csv"),
      outputs: parsePatternLines("out/model.bin"),
      metrics: undefined,
    });
  return { ...fakes, ws, services, options };
}

describe("runTraining records the interpreter the command runs", () => {
  it("records the Python a script's #! line names, not the first python3 on PATH", async () => {
    const { first, second, ws, services, options } = setup();
    script(ws, "train.py", `#!${second}/python3`);
    const result = await runTraining(options("./train.py --epochs 3"), services());
    expect(result.verdict, result.checks.map((c) => c.message).join("\n")).toBe("pass");
    expect(readFileSync(path.join(ws, "out/model.bin"), "utf8")).toBe(`trained by ${second}/python3\n`);
    expect(result.manifest!.environment).toMatchObject({
      python: {
        path: `${second}/python3`,
        executable: `${second}/python3`,
        version: "3.99.2",
        packages: 2,
        packages_sha256: FAKE_PACKAGES_SHA256,
      },
      node: "unknown",
    });
    expect(JSON.stringify(result.manifest)).not.toContain(first);
  });

  it("records the first python3 on the command's PATH for `python3 train.py`, and another lineage than the other's", async () => {
    const { first, second, ws, services, options } = setup();
    script(ws, "train.py", `#!${second}/python3`);
    const bare = await runTraining(options("python3 train.py"), services());
    expect(readFileSync(path.join(ws, "out/model.bin"), "utf8")).toBe(`trained by ${first}/python3\n`);
    expect(bare.manifest!.environment.python).toMatchObject({ path: `${first}/python3`, version: "3.99.1" });
    const shebang = await runTraining(options("./train.py"), services());
    expect(shebang.manifest!.lineage_sha256).not.toBe(bare.manifest!.lineage_sha256);
  });

  it("records the Node.js the command runs, and unknown for both when the run is several commands", async () => {
    const { first, services, options } = setup();
    const node = await runTraining(options("node train.mjs"), services());
    expect(node.manifest!.environment).toMatchObject({
      node: { path: `${first}/node`, version: "v99.1.0" },
      python: "unknown",
    });
    const several = await runTraining(options("echo preparing; python3 train.py"), services());
    expect(several.manifest!.environment).toMatchObject({ node: "unknown", python: "unknown" });
  });

  it.runIf(existsSync("/usr/bin/python3"))(
    "records /usr/bin/python3 with its own version and packages when a #! line names it and another python3 is first on PATH",
    async () => {
      const { first, ws, services, options } = setup();
      script(ws, "train.py", "#!/usr/bin/python3");
      execFileSync(
        "bash",
        [
          "-c",
          `printf '%s\\n' "import os, sys" "os.makedirs('out', exist_ok=True)" "open('out/model.bin', 'w').write(sys.executable)" >> train.py`,
        ],
        { cwd: ws },
      );
      const result = await runTraining(options("./train.py"), services());
      expect(readFileSync(path.join(ws, "out/model.bin"), "utf8")).toBe("/usr/bin/python3");
      // The same facts computed by the interpreter itself, independently of modelgate's probe.
      const reference = execFileSync(
        "/usr/bin/python3",
        [
          "-c",
          [
            "import sys, hashlib, importlib.metadata as m",
            'lines = sorted({d.metadata["Name"] + "==" + d.version for d in m.distributions()})',
            'print(sys.version.split()[0]); print(len(lines)); print(hashlib.sha256("".join(l + "\\n" for l in lines).encode()).hexdigest())',
          ].join("\n"),
        ],
        { cwd: ws, encoding: "utf8" },
      )
        .trim()
        .split("\n");
      expect(result.manifest!.environment.python).toEqual({
        path: "/usr/bin/python3",
        executable: "/usr/bin/python3",
        version: reference[0],
        packages: Number(reference[1]),
        packages_sha256: reference[2],
      });
      expect(result.manifest!.environment.python).not.toMatchObject({ version: "3.99.1" });
      expect(JSON.stringify(result.manifest)).not.toContain(first);
    },
  );
});
