import type { Check } from "../core/check.js";
import type { PublishedResult } from "../publish/published-result-schema.js";
import type { PromotionEvidence } from "./promotion-evidence.js";
import { registryCheck as check } from "./registry-check.js";
import { shortDigest as short } from "./short-digest.js";

/**
 * The subject check of one result: it binds to what is promoted only through a digest the promotion has (its candidate
 * is an artifact or a manifest output, its lineage the manifest's, its evaluation data a promoted file or a manifest
 * input or output). A digest that names something else refuses it; so does a subject that names nothing promoted, since
 * anyone can write a result that judged nothing.
 */
export function matchSubject(gate: string, file: string, result: PublishedResult, evidence: PromotionEvidence): Check {
  const name = `subject:${gate}`;
  const subject = result.subject;
  if (!subject)
    return check(
      name,
      gate,
      "subject",
      "fail",
      `${file}: its subject field is missing (the digests of the files it judged), so nothing says it judged the files promoted; it is no evidence.`,
    );
  const problems: string[] = [];
  const matched: string[] = [];
  const manifest = evidence.manifest;
  if (subject.candidate_sha256 !== undefined) {
    const digest = subject.candidate_sha256;
    const artifact = evidence.artifacts.find((a) => a.sha256 === digest);
    const output = manifest?.outputs.find((o) => o.sha256 === digest);
    if (artifact) matched.push(`its candidate is artifact ${artifact.name}`);
    else if (output) matched.push(`its candidate is manifest output ${output.path}`);
    else problems.push(`its candidate ${short(digest)} is neither a promoted artifact nor an output of the manifest`);
  }
  if (subject.manifest_lineage_sha256 !== undefined) {
    const lineage = subject.manifest_lineage_sha256;
    if (!manifest) problems.push(`it judged lineage ${short(lineage)} but no manifest is promoted`);
    else if (manifest.lineage_sha256 !== lineage)
      problems.push(`it judged lineage ${short(lineage)}, the manifest's is ${short(manifest.lineage_sha256)}`);
    else matched.push("its lineage is the manifest's");
  }
  if (subject.eval_data_sha256 !== undefined) {
    const digest = subject.eval_data_sha256;
    const artifact = evidence.artifacts.find((a) => a.sha256 === digest);
    const listed = [
      ...(manifest?.inputs ?? []).map((i) => ({ ...i, kind: "input" })),
      ...(manifest?.outputs ?? []).map((o) => ({ ...o, kind: "output" })),
    ].find((p) => p.sha256 === digest);
    if (artifact) matched.push(`its evaluation data is artifact ${artifact.name}`);
    else if (listed) matched.push(`its evaluation data is manifest ${listed.kind} ${listed.path}`);
  }
  if (problems.length > 0)
    return check(
      name,
      gate,
      "subject",
      "fail",
      `${file}: ${problems.join("; ")}: it judged something else than what is promoted.`,
    );
  if (matched.length === 0) {
    const named = (["candidate_sha256", "eval_data_sha256", "baseline_sha256", "manifest_lineage_sha256"] as const)
      .filter((f) => subject[f] !== undefined)
      .map((f) => `${f} ${short(subject[f]!)}`);
    return check(
      name,
      gate,
      "subject",
      "fail",
      `${file}: no digest of its subject (${named.join(", ") || "none"}) is a promoted artifact or in the manifest, so nothing ties it to the files promoted; it is no evidence.`,
    );
  }
  return check(name, gate, "subject", "pass", `${file}: ${matched.join("; ")}.`);
}
