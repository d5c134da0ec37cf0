import type { PolicyProvenance } from "../core/result-base.js";
import type { Policy } from "./policy-schema.js";

/** The policy whose `registry:` rules decide a promotion or rollback, and where it was read. */
export interface BasePolicy {
  policy: Policy | undefined;
  provenance: PolicyProvenance;
  /** How messages name it: "modelgate.yml (base branch at 1a2b3c4)". */
  source: string;
  notes: string[];
}
