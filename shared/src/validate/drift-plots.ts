/** A drifted numeric column's values on common equal-width bins: each side's share of its rows per bin. */
export interface NumericDriftPlot {
  column: string;
  kind: "histogram";
  /** `bins + 1` edges from the smaller minimum to the larger maximum of the two sides. */
  edges: number[];
  reference_shares: number[];
  current_shares: number[];
}

/** A drifted categorical column's most frequent categories: each side's share of its rows per category. */
export interface CategoricalDriftPlot {
  column: string;
  kind: "categories";
  /** The top categories by rows over both sides, most frequent first. */
  categories: string[];
  reference_shares: number[];
  current_shares: number[];
  /** Share of the rows in every other category, per side. */
  other: { reference: number; current: number };
}

/** The plot data of validate-data's drifted columns, in the order of the drift checks. */
export type DriftPlot = NumericDriftPlot | CategoricalDriftPlot;
