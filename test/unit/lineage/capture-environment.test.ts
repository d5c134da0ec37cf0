import { describe, expect, it } from "vitest";
import { captureEnvironment } from "../../../shared/src/lineage/capture-environment.js";
import type { Interpreter } from "../../../shared/src/lineage/find-interpreter.js";
import type { ProcessProbe } from "../../../shared/src/lineage/process-probe.js";

type Call = { line: string; cwd: string; env: Readonly<Record<string, string | undefined>> | undefined };

/** A machine described by its tools' outputs, as the real tools print them; it remembers how it was asked. */
function fakeProbe(
  tools: Record<string, string>,
  env: Record<string, string> = {},
  files: string[] = [],
): ProcessProbe & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    env,
    platform: "linux",
    release: "6.8.0-1017-azure",
    arch: "x64",
    exists: (f) => files.includes(f),
    calls,
    run: (file, args, cwd, runEnv) => {
      const line = [file, ...args].join(" ").replace(/ -c .*/, " -c");
      calls.push({ line, cwd, env: runEnv });
      return Promise.resolve(tools[line]);
    },
  };
}

const NVIDIA_SMI_BANNER =
  "+-----------------------------------------------------------------------------+\n| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2     |\n";
const PYTHON: Interpreter = { kind: "python", path: "/opt/venv/bin/python3", options: [], env: {} };
const commandEnv = { PATH: "/opt/venv/bin:/usr/bin", PYTHONPATH: "/w/src" };

describe("captureEnvironment", () => {
  it("records the runner image, the command's Python with its packages digest, and the CUDA driver", async () => {
    const probe = fakeProbe(
      {
        "/opt/venv/bin/python3 -c": "3.12.3\n/opt/venv/bin/python3\npandas==2.2.2\nnumpy==2.0.0\n",
        "nvidia-smi --query-gpu=name,driver_version --format=csv,noheader":
          "Tesla T4, 535.104.05\nTesla T4, 535.104.05\n",
        "nvidia-smi": NVIDIA_SMI_BANNER,
      },
      {
        ImageOS: "ubuntu24",
        ImageVersion: "20241117.1.0",
        RUNNER_OS: "Linux",
        RUNNER_ARCH: "X64",
        RUNNER_NAME: "GitHub Actions 12",
      },
    );
    expect(await captureEnvironment(probe, { cwd: "/w", env: commandEnv, interpreter: PYTHON })).toEqual({
      os: { platform: "linux", release: "6.8.0-1017-azure" },
      arch: "x64",
      runner: { ImageOS: "ubuntu24", ImageVersion: "20241117.1.0", RUNNER_ARCH: "X64", RUNNER_OS: "Linux" },
      node: "unknown",
      // printf 'numpy==2.0.0\npandas==2.2.2\n' | sha256sum
      python: {
        path: "/opt/venv/bin/python3",
        executable: "/opt/venv/bin/python3",
        version: "3.12.3",
        packages: 2,
        packages_sha256: "6e9741d57d5a858986f1c7b1cb1442ebfb914e1548b0de2bcaa4e5c02ef9af70",
      },
      cuda: { driver: "535.104.05", cuda: "12.2", gpus: ["Tesla T4", "Tesla T4"] },
      container: null,
    });
  });

  it("asks the interpreter with the command's environment, its own assignments, directory and sys.path flags, and asks no python3 from PATH", async () => {
    const probe = fakeProbe({ "/opt/venv/bin/python3 -I -s -c": "3.12.3\n/opt/venv/bin/python3\n" });
    const environment = await captureEnvironment(probe, {
      cwd: "/w/train",
      env: commandEnv,
      interpreter: { ...PYTHON, options: ["-I", "-s"], env: { PYTHONPATH: "lib" } },
    });
    expect(environment.python).toMatchObject({ version: "3.12.3", packages: 0 });
    expect(probe.calls.map((c) => c.line)).not.toContain("python3 -c");
    for (const call of probe.calls) expect(call).toMatchObject({ cwd: "/w/train" });
    expect(probe.calls.find((c) => c.line.startsWith("/opt/venv/bin/python3"))!.env).toEqual({
      ...commandEnv,
      PYTHONPATH: "lib",
    });
    expect(probe.calls.find((c) => c.line.startsWith("nvidia-smi"))!.env).toEqual(commandEnv);
  });

  it("records the Node.js a node command runs and Python as unknown", async () => {
    const probe = fakeProbe({ "/opt/node20/bin/node --version": "v20.11.1\n" });
    const environment = await captureEnvironment(probe, {
      cwd: "/w",
      env: commandEnv,
      interpreter: { kind: "node", path: "/opt/node20/bin/node", options: [], env: {} },
    });
    expect(environment).toMatchObject({
      node: { path: "/opt/node20/bin/node", version: "v20.11.1" },
      python: "unknown",
    });
  });

  it("says unknown for both runtimes when the interpreter cannot be known, and keeps the path when it cannot be queried", async () => {
    const unknown = await captureEnvironment(fakeProbe({ "python3 -c": "3.11.7\n/usr/local/bin/python3\n" }), {
      cwd: "/w",
      env: commandEnv,
      interpreter: undefined,
    });
    expect(unknown).toMatchObject({ node: "unknown", python: "unknown" });
    const broken = await captureEnvironment(fakeProbe({}), { cwd: "/w", env: commandEnv, interpreter: PYTHON });
    expect(broken.python).toEqual({
      path: "/opt/venv/bin/python3",
      executable: null,
      version: null,
      packages: null,
      packages_sha256: null,
    });
  });

  it("records null for CUDA when nvidia-smi is missing, and a container from its marker file", async () => {
    const site = { cwd: "/w", env: commandEnv, interpreter: undefined };
    const environment = await captureEnvironment(fakeProbe({}, {}, ["/.dockerenv"]), site);
    expect(environment).toMatchObject({
      cuda: null,
      runner: {},
      container: { image: "unknown (running in a container)" },
    });
    const named = await captureEnvironment(
      fakeProbe({}, { MODELGATE_CONTAINER_IMAGE: "ghcr.io/acme/train:1.2" }),
      site,
    );
    expect(named.container).toEqual({ image: "ghcr.io/acme/train:1.2" });
  });
});
