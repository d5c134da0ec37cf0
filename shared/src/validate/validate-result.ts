import type { DriftPlot } from "./drift-plots.js";
import type { TableFormat } from "../data/table/table.js";
import type { DecidedResultBase } from "../core/result-base.js";
import type { Subject } from "../core/subject.js";
import type { DriftPolicy } from "./data-policy-schema.js";
import type { DriftCheck } from "./drift-types.js";
import type { ColumnQuality } from "./profile-quality.js";

/** A table as reports name it: what was read and its content digest (lineage). */
export interface TableSummary {
  file: string;
  /** The file's format, or `profile` when drift ran on profiles (validate-data's profile output, merged). */
  format: TableFormat | "profile";
  gzip: boolean;
  sha256: string;
  bytes: number;
  rows: number;
  columns: number;
}

/** The one typed result of validate-data. */
export interface ValidateDataResult extends DecidedResultBase {
  action: "validate-data";
  subject: Subject;
  data: TableSummary;
  reference: TableSummary | null;
  /** Per-column quality report of the data (aggregates only). */
  quality: ColumnQuality[];
  /** The drift comparison, when a reference was given and schema-only is off. */
  drift: {
    method: DriftPolicy["method"];
    alpha: number;
    multiple_testing: DriftPolicy["multiple-testing"];
    min_effect: number;
    max_drift_share: number;
    sample: number | null;
    seed: number;
    columns: DriftCheck[];
    drifted_columns: string[];
    drift_share: number;
  } | null;
  /** Reference vs current distributions of the drifted columns, for the report's plots; absent when none drifted. */
  drift_plots?: DriftPlot[];
}
