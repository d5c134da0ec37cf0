import { InputError } from "../errors/modelgate-error.js";
import type { Check, Subject } from "../gates/gate-result.js";
import type { PublishedResult } from "../publish/published-result-schema.js";
import { registryCheck as check } from "./registry-check.js";
import type { GateRecord } from "./registry-records.js";

/** A required check as found on the judged commit (check run or commit status). */
export interface RequiredCheckOutcome {
  name: string;
  ok: boolean;
  conclusion: string | null;
  message: string;
  url: string | null;
}

/** A gate's result JSON handed to promote, with the file it came from. */
export interface GateEvidence {
  file: string;
  result: PublishedResult;
}

/** The lineage manifest promoted beside the artifacts, reduced to what the evidence checks read. */
export interface ManifestEvidence {
  file: string;
  sha256: string;
  lineage_sha256: string;
  /** The manifest's outputs: files (no `files` count) can be compared with artifacts by name. */
  outputs: ReadonlyArray<{ path: string; sha256: string; files?: number }>;
}

export interface PromotionEvidence {
  requiredChecks: readonly RequiredCheckOutcome[];
  results: readonly GateEvidence[];
  artifacts: ReadonlyArray<{ name: string; sha256: string }>;
  manifest: ManifestEvidence | null;
  /** Where the gates' results were produced, when they come from this run. */
  runUrl: string | null;
  model: string;
  /** Skips the refusal of a commit nothing judged (the CLI's explicit --allow-ungated). */
  allowUngated?: boolean;
}

export interface PromotionDecision {
  checks: Check[];
  gates: GateRecord[];
  subject: Subject;
}

/**
 * Decides whether the evidence allows a promotion. Every required check must be `success` on the judged commit,
 * every gate result must pass or warn, each result's subject must name what is promoted (its candidate digest is
 * an artifact or a manifest output, its lineage digest the manifest's), and every artifact the manifest lists must
 * have the manifest's digest. A commit nothing judged fails: evidence is required, not optional.
 * @throws InputError when two results are for the same gate (which one decides would be a guess).
 */
export function decidePromotion(evidence: PromotionEvidence): PromotionDecision {
  const checks: Check[] = [];
  if (evidence.requiredChecks.length === 0 && evidence.results.length === 0 && !evidence.allowUngated) {
    checks.push(check("evidence:gated", "evidence", "gated", "fail", "Nothing judged this commit: no require-checks and no results were given, so an un-gated commit cannot be told from a gated one."));
  }
  for (const required of evidence.requiredChecks) {
    checks.push(check(`required-check:${required.name}`, required.name, "required-check", required.ok ? "pass" : "fail", required.message));
  }
  const seen = new Map<string, string>();
  for (const { file, result } of evidence.results) {
    const gate = `${result.action}/${result.key}`;
    const earlier = seen.get(gate);
    if (earlier !== undefined) {
      throw new InputError(`Results ${earlier} and ${file} are both for ${gate}.`, `Pass one result per gate and key in results.`, { input: "results", file });
    }
    seen.set(gate, file);
    checks.push(verdictCheck(gate, file, result));
    const subjectCheck = matchSubject(gate, file, result, evidence);
    if (subjectCheck) checks.push(subjectCheck);
  }
  if (evidence.manifest) checks.push(...matchManifest(evidence.manifest, evidence.artifacts));

  const gates: GateRecord[] = [
    ...evidence.requiredChecks.map((required) => ({ action: "check", key: required.name, verdict: required.ok ? "pass" : (required.conclusion ?? "pending"), run_url: required.url })),
    ...evidence.results.map(({ result }) => ({
      action: result.action,
      key: result.key,
      verdict: result.verdict,
      run_url: evidence.runUrl,
      ...(result.subject ? { subject: result.subject } : {}),
    })),
  ].sort((a, b) => compare(`${a.action}/${a.key}`, `${b.action}/${b.key}`));

  const main = evidence.artifacts[0];
  const subject: Subject = {
    model: evidence.model,
    ...(main ? { candidate_sha256: main.sha256 } : {}),
    ...(evidence.manifest ? { manifest_lineage_sha256: evidence.manifest.lineage_sha256 } : {}),
  };
  return { checks, gates, subject };
}

function verdictCheck(gate: string, file: string, result: PublishedResult): Check {
  const name = `gate:${gate}`;
  if (result.error) return check(name, gate, "verdict", "fail", `${file}: ${gate} could not decide (${result.error.message}).`);
  const failed = result.checks.filter((c) => c.verdict === "fail").length;
  if (result.verdict === "fail") return check(name, gate, "verdict", "fail", `${file}: ${gate} failed (${failed} of ${result.checks.length} checks).`);
  const warned = result.verdict === "warn" ? ` with warnings (${result.checks.filter((c) => c.verdict === "warn").length})` : "";
  return check(name, gate, "verdict", "pass", `${file}: ${gate} passed${warned}.`);
}

/** The subject check of one result: undefined when its subject names nothing promote moves (validate-data's data). */
function matchSubject(gate: string, file: string, result: PublishedResult, evidence: PromotionEvidence): Check | undefined {
  const subject = result.subject;
  if (!subject || (subject.candidate_sha256 === undefined && subject.manifest_lineage_sha256 === undefined)) return undefined;
  const name = `subject:${gate}`;
  const problems: string[] = [];
  const matched: string[] = [];
  if (subject.candidate_sha256 !== undefined) {
    const digest = subject.candidate_sha256;
    const artifact = evidence.artifacts.find((a) => a.sha256 === digest);
    const output = evidence.manifest?.outputs.find((o) => o.sha256 === digest);
    if (artifact) matched.push(`its candidate is artifact ${artifact.name}`);
    else if (output) matched.push(`its candidate is manifest output ${output.path}`);
    else problems.push(`its candidate ${short(digest)} is neither a promoted artifact nor an output of the manifest`);
  }
  if (subject.manifest_lineage_sha256 !== undefined) {
    const lineage = subject.manifest_lineage_sha256;
    if (!evidence.manifest) problems.push(`it judged lineage ${short(lineage)} but no manifest is promoted`);
    else if (evidence.manifest.lineage_sha256 !== lineage) problems.push(`it judged lineage ${short(lineage)}, the manifest's is ${short(evidence.manifest.lineage_sha256)}`);
    else matched.push("its lineage is the manifest's");
  }
  if (problems.length > 0) return check(name, gate, "subject", "fail", `${file}: ${problems.join("; ")}: it judged something else than what is promoted.`);
  return check(name, gate, "subject", "pass", `${file}: ${matched.join("; ")}.`);
}

/** Each artifact the manifest lists as a file output must have its digest; at least one artifact must be listed. */
function matchManifest(manifest: ManifestEvidence, artifacts: PromotionEvidence["artifacts"]): Check[] {
  const checks: Check[] = [];
  const files = manifest.outputs.filter((output) => output.files === undefined);
  for (const artifact of artifacts) {
    const listed = files.filter((output) => basename(output.path) === artifact.name);
    if (listed.length === 0) continue;
    const same = listed.find((output) => output.sha256 === artifact.sha256);
    checks.push(
      same
        ? check(`manifest:${artifact.name}`, artifact.name, "manifest-digest", "pass", `Artifact ${artifact.name} has the digest the manifest records for ${same.path} (${short(artifact.sha256)}).`)
        : check(
            `manifest:${artifact.name}`,
            artifact.name,
            "manifest-digest",
            "fail",
            `Artifact ${artifact.name} is ${short(artifact.sha256)} but ${manifest.file} records ${listed.map((o) => `${o.path} as ${short(o.sha256)}`).join(", ")}: it is not the file training produced.`,
          ),
    );
  }
  if (checks.length === 0) {
    checks.push(check("manifest:outputs", "manifest", "manifest-digest", "fail", `None of the artifacts (${artifacts.map((a) => a.name).join(", ") || "none"}) is an output ${manifest.file} records, so the manifest does not vouch for them.`));
  }
  return checks;
}

const short = (digest: string) => `sha256:${digest.slice(0, 12)}`;
const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
