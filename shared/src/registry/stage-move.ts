/** What moved in the registry, as the deployment and the dispatched workflow are told. */
export interface StageMove {
  /** The commit deployed: the version's commit. */
  sha: string;
  model: string;
  stage: string;
  version: string;
  tag: string;
  description: string;
  runUrl: string | null;
}
