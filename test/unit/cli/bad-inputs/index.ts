import type { BadInput } from "./bad-input.js";
import { FLAG_CASES } from "./flag-cases.js";
import { HOSTILE_TEXT_CASES } from "./hostile-text-cases.js";
import { METRICS_FILE_CASES } from "./metrics-file-cases.js";
import { PATH_CASES } from "./path-cases.js";
import { POLICY_SYNTAX_CASES } from "./policy-syntax-cases.js";
import { POLICY_VALUE_CASES } from "./policy-value-cases.js";
import { PROTOTYPE_NAME_CASES } from "./prototype-name-cases.js";
import { REGISTRY_CASES } from "./registry-cases.js";
import { TABLE_CASES } from "./table-cases.js";

/** Every case of the sweep, by input class. */
export const BAD_INPUTS: BadInput[] = [
  ...POLICY_SYNTAX_CASES,
  ...POLICY_VALUE_CASES,
  ...PROTOTYPE_NAME_CASES,
  ...METRICS_FILE_CASES,
  ...TABLE_CASES,
  ...FLAG_CASES,
  ...PATH_CASES,
  ...REGISTRY_CASES,
  ...HOSTILE_TEXT_CASES,
];
