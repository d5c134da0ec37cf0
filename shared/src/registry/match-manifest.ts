import type { Check } from "../core/check.js";
import type { ManifestEvidence, PromotionEvidence } from "./promotion-evidence.js";
import { registryCheck as check } from "./registry-check.js";
import { shortDigest as short } from "./short-digest.js";

/** Each artifact the manifest lists as a file output must have its digest; at least one artifact must be listed. */
export function matchManifest(manifest: ManifestEvidence, artifacts: PromotionEvidence["artifacts"]): Check[] {
  const checks: Check[] = [];
  const files = manifest.outputs.filter((output) => output.files === undefined);
  for (const artifact of artifacts) {
    const listed = files.filter((output) => basename(output.path) === artifact.name);
    if (listed.length === 0) continue;
    const same = listed.find((output) => output.sha256 === artifact.sha256);
    checks.push(
      same
        ? check(
            `manifest:${artifact.name}`,
            artifact.name,
            "manifest-digest",
            "pass",
            `Artifact ${artifact.name} has the digest the manifest records for ${same.path} (${short(artifact.sha256)}).`,
          )
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
    checks.push(
      check(
        "manifest:outputs",
        "manifest",
        "manifest-digest",
        "fail",
        `None of the artifacts (${artifacts.map((a) => a.name).join(", ") || "none"}) is an output ${manifest.file} records, so the manifest does not vouch for them.`,
      ),
    );
  }
  return checks;
}

const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);
