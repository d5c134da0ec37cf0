import * as core from "@actions/core";
import type { AnnotationProperties } from "@actions/core";
import { stripBidiControls } from "../report/strip-bidi-controls.js";

/**
 * Error and warning annotations through @actions/core (docs: "Workflow commands for GitHub Actions"), with
 * what it leaves to the caller: bidi controls removed from the message and the title (an annotation shows
 * names read from files, and a bidi control would make one display as something else), and properties
 * left out when unset, so a bare annotation stays `::warning::message`.
 */
export function error(message: string, properties: AnnotationProperties = {}): void {
  core.error(stripBidiControls(message), clean(properties));
}

/** A warning annotation; as {@link error}. */
export function warning(message: string, properties: AnnotationProperties = {}): void {
  core.warning(stripBidiControls(message), clean(properties));
}

function clean(properties: AnnotationProperties): AnnotationProperties {
  const set = Object.entries(properties).filter(([, value]) => value !== undefined && value !== "");
  return Object.fromEntries(
    set.map(([key, value]) => [key, typeof value === "string" ? stripBidiControls(value) : value]),
  );
}
