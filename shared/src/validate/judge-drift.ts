import { computeDriftPlots } from "./compute-drift-plots.js";
import { decideDrift } from "./decide-drift.js";
import type { DriftJudge } from "./judge-data.js";
import { profileColumnDrift, profileDriftColumns } from "./profile/profile-drift.js";

/**
 * validate-data's drift against the reference (contract §7): on the two tables (number columns sorted), with the
 * plots of drifted columns; or, for a reference streamed into its profile, on the two profiles (no plots).
 */
export const judgeDrift: DriftJudge = (input, policy) => {
  const streamed = input.referenceProfile;
  if (streamed) {
    const outcome = decideDrift(
      profileDriftColumns(streamed.data, input.data.name),
      profileDriftColumns(streamed.streamed.profile, streamed.streamed.table.name),
      policy,
      profileColumnDrift,
    );
    return { outcome, plots: [] };
  }
  const outcome = decideDrift(input.data, input.reference!, policy);
  return { outcome, plots: computeDriftPlots(input.data, input.reference!, outcome.drift) };
};
