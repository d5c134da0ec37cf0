import { sha256Hex } from "../core/digest.js";
import type { Interpreter } from "./find-interpreter.js";
import type { EnvironmentInfo } from "./manifest.js";
import type { ProcessProbe } from "./process-probe.js";

/** The runner's image variables, when set (GitHub-hosted runners set all four). */
const RUNNER_VARIABLES = ["ImageOS", "ImageVersion", "RUNNER_ARCH", "RUNNER_OS"] as const;

/** Where and how the training command runs: what the probes need to ask its own tools. */
export interface CommandSite {
  cwd: string;
  /** The command's environment: its interpreter and `nvidia-smi` are queried with it (its PATH, PYTHONPATH …). */
  env: Readonly<Record<string, string | undefined>>;
  /** The interpreter the command runs (`findInterpreter`); undefined when it cannot be known. */
  interpreter: Interpreter | undefined;
}

/**
 * The environment a run trained in (contract §6): OS, arch, runner image; the interpreter the command runs
 * — Node.js with its version, or Python with its version, `sys.executable` and a digest of its installed
 * packages (`name==version` of every distribution importlib.metadata finds, sorted; the same lines
 * `pip freeze --all` prints for registry installs, without needing pip) — and "unknown" for a runtime the
 * command is not known to run; the CUDA driver from the `nvidia-smi` on the command's PATH; the container
 * image when the job runs in one.
 */
export async function captureEnvironment(probe: ProcessProbe, site: CommandSite): Promise<EnvironmentInfo> {
  const runner: Record<string, string> = {};
  for (const name of RUNNER_VARIABLES) if (probe.env[name]) runner[name] = probe.env[name];
  const { interpreter } = site;
  const [python, node, cuda] = await Promise.all([
    interpreter?.kind === "python" ? capturePython(probe, site, interpreter) : ("unknown" as const),
    interpreter?.kind === "node" ? captureNode(probe, site, interpreter) : ("unknown" as const),
    captureCuda(probe, site),
  ]);
  return {
    os: { platform: probe.platform, release: probe.release },
    arch: probe.arch,
    runner,
    node,
    python,
    cuda,
    container: captureContainer(probe),
  };
}

/** One interpreter start (they are slow behind pyenv shims): the version, sys.executable, then `name==version` per installed distribution. */
const PYTHON_PROBE =
  'import sys, importlib.metadata as m; print(sys.version.split()[0]); print(sys.executable); print("\\n".join(d.metadata["Name"] + "==" + d.version for d in m.distributions()))';

async function capturePython(
  probe: ProcessProbe,
  site: CommandSite,
  python: Interpreter,
): Promise<Exclude<EnvironmentInfo["python"], "unknown">> {
  const output = await probe.run(python.path, [...python.options, "-c", PYTHON_PROBE], site.cwd, {
    ...site.env,
    ...python.env,
  });
  if (output === undefined)
    return { path: python.path, executable: null, version: null, packages: null, packages_sha256: null };
  const [version = "", executable = "", ...lines] = output.split(/\r?\n/);
  const packages = [...new Set(lines.map((l) => l.trim()).filter((l) => l !== ""))].sort();
  return {
    path: python.path,
    executable: executable.trim() || null,
    version: version.trim() || null,
    packages: packages.length,
    packages_sha256: sha256Hex(packages.map((p) => `${p}\n`).join("")),
  };
}

async function captureNode(
  probe: ProcessProbe,
  site: CommandSite,
  node: Interpreter,
): Promise<Exclude<EnvironmentInfo["node"], "unknown">> {
  const version = (await probe.run(node.path, ["--version"], site.cwd, { ...site.env, ...node.env }))?.trim();
  return { path: node.path, version: version || null };
}

async function captureCuda(probe: ProcessProbe, site: CommandSite): Promise<EnvironmentInfo["cuda"]> {
  const query = await probe.run(
    "nvidia-smi",
    ["--query-gpu=name,driver_version", "--format=csv,noheader"],
    site.cwd,
    site.env,
  );
  if (query === undefined) return null;
  const rows = query
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(",").map((f) => f.trim()));
  const banner = (await probe.run("nvidia-smi", [], site.cwd, site.env)) ?? "";
  return {
    driver: rows[0]?.[1] ?? "unknown",
    cuda: /CUDA Version:\s*([\d.]+)/.exec(banner)?.[1] ?? null,
    gpus: rows.map((r) => r[0] ?? "unknown"),
  };
}

/**
 * A job's `container:` exposes no image name to its steps (the `job.container` context has only id and
 * network), so the workflow may pass it as MODELGATE_CONTAINER_IMAGE; otherwise Docker's and Podman's
 * marker files say only that the job runs in a container.
 */
function captureContainer(probe: ProcessProbe): EnvironmentInfo["container"] {
  const image = probe.env.MODELGATE_CONTAINER_IMAGE;
  if (image) return { image };
  return probe.exists("/.dockerenv") || probe.exists("/run/.containerenv")
    ? { image: "unknown (running in a container)" }
    : null;
}
