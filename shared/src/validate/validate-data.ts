import { judgeData } from "./judge-data.js";
import type { ValidateDataInput } from "./judge-data.js";
import { judgeDrift } from "./judge-drift.js";
import type { ValidateDataResult } from "./validate-result.js";

export type { ValidateDataInput } from "./judge-data.js";

/**
 * validate-data's decision with its drift tests at hand (`judgeData` with `judgeDrift`): schema checks, the quality
 * report, and drift against the reference (contract §7). It sorts the tables' number columns in place.
 */
export function validateData(input: ValidateDataInput): ValidateDataResult {
  return judgeData(input, judgeDrift);
}
