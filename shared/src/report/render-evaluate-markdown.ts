import type { EvaluateCheck, GateResult } from "../evaluate/gate-result.js";
import { ALL_EVALUATE_SECTIONS } from "./evaluate-sections.js";
import { evaluateLayout as layoutWith } from "./render-evaluate-layout.js";
import type { ReportLayout } from "./render-layout.js";
import { renderLayoutMarkdown } from "./render-layout.js";

/**
 * The evaluate-gate report a reviewer reads first, in the common layout: verdict line, the failing and warning checks
 * with what to do, the passing ones folded, then slices, charts, explanations and the reasons; the same markdown
 * serves the PR comment and the job summary, and it always fits `budget` characters.
 */
export function renderEvaluateMarkdown(result: GateResult, budget?: number): string {
  return renderLayoutMarkdown(evaluateLayout(result), budget);
}

/** The evaluate-gate report as a layout, for reports that add sections of their own. */
export function evaluateLayout(result: GateResult): ReportLayout<EvaluateCheck> {
  return layoutWith(result, ALL_EVALUATE_SECTIONS);
}
