import { sha256Hex } from "../data/digest.js";
import type { EnvironmentInfo } from "./manifest.js";
import type { ProcessProbe } from "./process-probe.js";

/** The runner's image variables, when set (GitHub-hosted runners set all four). */
const RUNNER_VARIABLES = ["ImageOS", "ImageVersion", "RUNNER_ARCH", "RUNNER_OS"] as const;

/**
 * The environment a run trained in (contract §6): OS, arch, runner image, Node, Python with a digest
 * of its installed packages (`name==version` of every distribution importlib.metadata finds, sorted; the
 * same lines `pip freeze --all` prints for registry installs, without needing pip), CUDA driver from `nvidia-smi`,
 * and the container image when the job runs in one.
 */
export async function captureEnvironment(probe: ProcessProbe, cwd: string): Promise<EnvironmentInfo> {
  const runner: Record<string, string> = {};
  for (const name of RUNNER_VARIABLES) if (probe.env[name]) runner[name] = probe.env[name];
  const [python, cuda] = await Promise.all([capturePython(probe, cwd), captureCuda(probe, cwd)]);
  return {
    os: { platform: probe.platform, release: probe.release },
    arch: probe.arch,
    runner,
    node: probe.nodeVersion,
    python,
    cuda,
    container: captureContainer(probe),
  };
}

/** One interpreter start (they are slow behind pyenv shims): the version, then `name==version` per installed distribution. */
const PYTHON_PROBE = 'import sys, importlib.metadata as m; print(sys.version.split()[0]); print("\\n".join(d.metadata["Name"] + "==" + d.version for d in m.distributions()))';

async function capturePython(probe: ProcessProbe, cwd: string): Promise<EnvironmentInfo["python"]> {
  const output = await probe.run("python3", ["-c", PYTHON_PROBE], cwd);
  if (output === undefined) return null;
  const [version = "", ...lines] = output.split(/\r?\n/);
  const packages = [...new Set(lines.map((l) => l.trim()).filter((l) => l !== ""))].sort();
  return { version: version.trim(), packages: packages.length, packages_sha256: sha256Hex(packages.map((p) => `${p}\n`).join("")) };
}

async function captureCuda(probe: ProcessProbe, cwd: string): Promise<EnvironmentInfo["cuda"]> {
  const query = await probe.run("nvidia-smi", ["--query-gpu=name,driver_version", "--format=csv,noheader"], cwd);
  if (query === undefined) return null;
  const rows = query.split(/\r?\n/).filter((l) => l.trim() !== "").map((l) => l.split(",").map((f) => f.trim()));
  const banner = (await probe.run("nvidia-smi", [], cwd)) ?? "";
  return { driver: rows[0]?.[1] ?? "unknown", cuda: /CUDA Version:\s*([\d.]+)/.exec(banner)?.[1] ?? null, gpus: rows.map((r) => r[0] ?? "unknown") };
}

/**
 * A job's `container:` exposes no image name to its steps (the `job.container` context has only id and
 * network), so the workflow may pass it as MODELGATE_CONTAINER_IMAGE; otherwise Docker's and Podman's
 * marker files say only that the job runs in a container.
 */
function captureContainer(probe: ProcessProbe): EnvironmentInfo["container"] {
  const image = probe.env.MODELGATE_CONTAINER_IMAGE;
  if (image) return { image };
  return probe.exists("/.dockerenv") || probe.exists("/run/.containerenv") ? { image: "unknown (running in a container)" } : null;
}
