/** One model's view of a feature: importance, direction and rank among that model's features. */
export interface FeatureStanding {
  /** Mean |attribution|. */
  importance: number;
  /** Mean signed attribution; null when the file gives importance only. */
  mean: number | null;
  /** 1 = most important. */
  rank: number;
}

/** A feature in either model's top-k, compared across the two models. */
export interface FeatureComparison {
  feature: string;
  /** Null when the feature is absent from that model's explanations. */
  candidate: FeatureStanding | null;
  baseline: FeatureStanding | null;
  /** candidate rank − baseline rank (negative = moved up); null unless both models have the feature. */
  rank_change: number | null;
  /** The attributions changed sign as `compareAttributionSigns` defines it (noise floor included); null when unknown or the feature is in one model only. */
  sign_flip: boolean | null;
  /** Share of the clearly signed paired examples whose attribution reversed; null without per-example attributions of both models. */
  sign_change_share: number | null;
}

/** A feature and its attribution for one example: a "reason" for that prediction. */
export interface Reason {
  feature: string;
  attribution: number;
}

/** One example whose output changed between the models, with each model's strongest reasons. */
export interface ChangedExample {
  id: string;
  baseline: number;
  candidate: number;
  /** candidate − baseline. */
  delta: number;
  /** Null when that model's explanations have no row for this id. */
  candidate_reasons: Reason[] | null;
  baseline_reasons: Reason[] | null;
}

/** How the two models' outputs differ example by example (predictions paired by id). */
export interface ChangedPredictions {
  /** What was compared: the positive-class score when both files have one, else the prediction. */
  output: "score" | "prediction";
  compared: number;
  /** Examples whose output differs at all. */
  changed: number;
  /** Largest |candidate − baseline|. */
  max_abs_delta: number;
  /** The largest changes, largest first; only with show-examples (contract §2 privacy). */
  examples?: ChangedExample[];
}

/** The explanation section of an evaluate-gate result: what changed in why the model decides. */
export interface ExplanationSummary {
  top_k: number;
  files: { candidate: string; baseline: string | null };
  /** Features in either top-k: candidate's top-k by rank, then the baseline's top-k features that left it. */
  features: FeatureComparison[];
  /** In the candidate's top-k but not the baseline's (including features new to the candidate). */
  entered: string[];
  /** In the baseline's top-k but not the candidate's. */
  left: string[];
  /** Features (in both models) whose attributions changed sign (`compareAttributionSigns`), most important first. */
  sign_flips: string[];
  /** True when either file gives importance only, so sign flips cannot be seen. */
  sign_unknown: boolean;
  /** Features only one model's explanations have: the clearest sign of a changed feature set. */
  only_candidate: string[];
  only_baseline: string[];
  changed_predictions?: ChangedPredictions;
}
