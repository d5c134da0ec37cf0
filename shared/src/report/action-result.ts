import type { UndecidedResult } from "../core/result-base.js";
import type { GateResult } from "../evaluate/gate-result.js";
import type { BiasResult } from "../fairness/bias-result.js";
import type { TrainResult } from "../lineage/train-result.js";
import type { PromoteResult, RollbackResult } from "../registry/registry-result.js";
import type { ShadowResult } from "../shadow/shadow-result.js";
import type { ValidateDataResult } from "../validate/validate-result.js";

/** Every decided result, one member per action; `action` tells them apart. */
export type DecidedResult =
  GateResult | ShadowResult | ValidateDataResult | BiasResult | TrainResult | PromoteResult | RollbackResult;

/** Every result an action publishes. */
export type ActionResult = DecidedResult | UndecidedResult;
