/** What a result judged (contract §2), so promote can check the gates judged the artifacts it moves. */
export interface Subject {
  model: string;
  candidate_sha256?: string;
  baseline_sha256?: string;
  eval_data_sha256?: string;
  manifest_lineage_sha256?: string;
}
