import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findInterpreter } from "../../../shared/src/lineage/find-interpreter.js";
import { fakeInterpreters, script } from "../../support/fake-interpreters.js";

const bash = (run: string) => ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run];

function setup() {
  const fakes = fakeInterpreters();
  const cwd = mkdtempSync(path.join(tmpdir(), "modelgate-cwd-"));
  const context = { cwd, env: { PATH: `${fakes.first}:${fakes.second}:/usr/bin:/bin` }, platform: "linux" };
  return { ...fakes, cwd, context };
}

describe("findInterpreter", () => {
  it("finds a bare name on the command's PATH in order, skipping a folder and a non-executable file of that name", () => {
    const { first, second, root, context } = setup();
    expect(findInterpreter(["python3", "train.py"], context)).toEqual({
      kind: "python",
      path: path.join(first, "python3"),
      options: [],
      env: {},
    });
    mkdirSync(path.join(root, "shadow", "python3"), { recursive: true });
    const plain = path.join(root, "plain");
    mkdirSync(plain);
    writeFileSync(path.join(plain, "python3"), "not executable");
    chmodSync(path.join(plain, "python3"), 0o644);
    const env = { PATH: `${path.join(root, "shadow")}:${plain}:${second}:${first}` };
    expect(findInterpreter(["python3", "train.py"], { ...context, env })?.path).toBe(path.join(second, "python3"));
    expect(findInterpreter(["python3", "train.py"], { ...context, env: {} })).toBeUndefined();
  });

  it("takes the interpreter a script's #! line names over the first python3 on PATH", () => {
    const { second, cwd, context } = setup();
    script(cwd, "train.py", `#!${second}/python3 -I`);
    expect(findInterpreter(["./train.py", "--epochs", "3"], context)).toEqual({
      kind: "python",
      path: path.join(second, "python3"),
      options: ["-I"],
      env: {},
    });
    expect(findInterpreter(bash("./train.py --epochs 3"), context)?.path).toBe(path.join(second, "python3"));
  });

  it("looks a #!/usr/bin/env name up on the command's PATH, with env -S options", () => {
    const { first, second, cwd, context } = setup();
    script(cwd, "train.py", "#!/usr/bin/env python3");
    script(cwd, "isolated.py", "#!/usr/bin/env -S python3 -E -s");
    script(path.join(second), "trainer", "#!/usr/bin/env node");
    expect(findInterpreter(["./train.py"], context)?.path).toBe(path.join(first, "python3"));
    expect(findInterpreter(["./isolated.py"], context)).toMatchObject({
      path: path.join(first, "python3"),
      options: ["-E", "-s"],
    });
    expect(findInterpreter(["trainer"], context)).toEqual({
      kind: "node",
      path: path.join(first, "node"),
      options: [],
      env: {},
    });
  });

  it("reads the action's bash -c script when it is one command, after assignments, exec, command and env", () => {
    const { first, context } = setup();
    const python = path.join(first, "python3");
    expect(findInterpreter(bash("python3 -I -u train.py --config params.yaml > train.log 2>&1"), context)).toEqual({
      kind: "python",
      path: python,
      options: ["-I"],
      env: {},
    });
    expect(
      findInterpreter(
        bash("CUDA_VISIBLE_DEVICES=$GPU PYTHONPATH=src exec env WANDB_MODE=offline python3 train.py"),
        context,
      ),
    ).toEqual({
      kind: "python",
      path: python,
      options: [],
      env: { PYTHONPATH: "src", WANDB_MODE: "offline" },
    });
    expect(findInterpreter(bash("command node train.mjs"), context)).toMatchObject({
      kind: "node",
      path: path.join(first, "node"),
    });
    expect(findInterpreter(["sh", "-c", "python3 train.py"], context)?.path).toBe(python);
  });

  it("keeps only the flags that change sys.path, up to the script, -c or -m", () => {
    const { context } = setup();
    const options = (run: string) => findInterpreter(bash(run), context)?.options;
    expect(options("python3 -Esu -X dev -W ignore train.py -I")).toEqual(["-E", "-s"]);
    expect(options("python3 -um trainer -I")).toEqual([]);
    expect(options("python3 -Ic 'import train' -s")).toEqual(["-I"]);
  });

  it("gives undefined rather than a guess when the program or its interpreter cannot be known", () => {
    const { cwd, context } = setup();
    script(cwd, "train.sh", "#!/bin/sh");
    script(cwd, "relative.py", "#!python3");
    for (const argv of [
      bash("pip install -r requirements.txt\npython3 train.py"),
      bash("cd src && python3 train.py"),
      bash("python3 train.py | tee log"),
      bash("$PYTHON train.py"),
      bash("python3 $FLAGS train.py"),
      bash("PATH=/opt/py/bin:$PATH python3 train.py"),
      bash("PYTHONPATH=$PWD/src python3 train.py"),
      bash("env -i python3 train.py"),
      ["uv", "run", "train.py"],
      ["true"],
      ["no-such-program"],
      ["./train.sh"],
      ["./relative.py"],
      ["./missing.py"],
      ["bash", "train.sh"],
    ]) {
      expect(findInterpreter(argv, context), argv.join(" ")).toBeUndefined();
    }
  });
});
