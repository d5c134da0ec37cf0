import { locatePolicy, readPolicyText } from "../data/files/read-policy-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { DEFAULT_POLICY_MAX_BYTES } from "../core/parse-inputs.js";
import { parsePolicy } from "./parse-policy.js";
import { toRegistryGtoPolicy } from "../registry/registry-policy-schema.js";
import type { RegistryGtoPolicy } from "../registry/registry-policy-schema.js";

/**
 * The registry keys of the policy file `spec` (`versions-per-commit`, `allow-foreign-tags`), with their defaults when
 * the file does not exist: promote and verify work without a policy, as GTO's defaults.
 * @throws PolicyError when the file exists but is invalid (fail closed), DataError when it cannot be read.
 */
export async function readRegistryPolicy(
  spec: string,
  access: FileAccess,
): Promise<RegistryGtoPolicy & { file: string | null }> {
  const text = await readPolicyText(locatePolicy(spec, access), spec, {
    bytes: DEFAULT_POLICY_MAX_BYTES,
    setting: "the default policy-max-bytes",
  });
  if (text === undefined) return { ...toRegistryGtoPolicy(undefined), file: null };
  return { ...toRegistryGtoPolicy(parsePolicy(text.text, spec).registry), file: spec };
}
