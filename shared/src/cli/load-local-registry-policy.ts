import { sha256Hex } from "../core/digest.js";
import { readInputFile } from "../data/files/read-input-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { ModelgateError } from "../core/modelgate-error.js";
import { parsePolicy } from "../policy/parse-policy.js";
import type { BasePolicy } from "../policy/base-policy.js";

/**
 * The policy whose `registry:` rules decide a CLI promotion or rollback: the local file (`--policy`, default
 * modelgate.yml), as every CLI gate reads it. A missing file means no registry rules, said in a note.
 * @throws PolicyError when the file is invalid.
 */
export async function loadLocalRegistryPolicy(file: string, access: FileAccess): Promise<BasePolicy> {
  const source = `${file} (local file)`;
  const read = await readInputFile(file, access, "policy").catch((error: unknown) => {
    if (error instanceof ModelgateError && /does not exist/.test(error.message)) return undefined;
    throw error;
  });
  if (!read)
    return {
      policy: undefined,
      provenance: { file, sha256: "", source: "file" },
      source,
      notes: [`There is no ${file}, so no registry: rules apply; only the evidence rules decide.`],
    };
  return {
    policy: parsePolicy(read.text, file),
    provenance: { file, sha256: sha256Hex(read.text), source: "file" },
    source,
    notes: [],
  };
}
