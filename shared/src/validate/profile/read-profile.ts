import { DataError } from "../../core/modelgate-error.js";
import { ProfileSchema } from "./profile-schema.js";
import { PROFILE_SCHEMA } from "./profile-schema-id.js";
import type { Profile } from "./profile-schema.js";

const HINT = `Pass a profile validate-data wrote (its profile output) or modelgate profile merge wrote (${PROFILE_SCHEMA}), unchanged.`;

/**
 * Reads a profile JSON: schema-checked, and consistent in itself (its rows are its shards' rows, every column
 * counts every row).
 * @throws DataError naming the file and the field.
 */
export function parseProfile(text: string, file: string): Profile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DataError(`Profile ${file} is not valid JSON (${(error as Error).message.slice(0, 200)}).`, HINT, {
      file,
    });
  }
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".") || "(the document)";
    throw new DataError(`Profile ${file} does not match ${PROFILE_SCHEMA} at ${field}: ${issue.message}.`, HINT, {
      file,
      path: field,
    });
  }
  const profile = parsed.data;
  const shardRows = profile.shards.reduce((sum, shard) => sum + shard.rows, 0);
  if (shardRows !== profile.rows)
    throw new DataError(`Profile ${file} says ${profile.rows} rows but its shards add up to ${shardRows}.`, HINT, {
      file,
      path: "rows",
    });
  const short = profile.columns.find((column) => column.rows !== profile.rows);
  if (short)
    throw new DataError(
      `Profile ${file}: column "${short.name}" counts ${short.rows} rows, the profile ${profile.rows}.`,
      HINT,
      { file, path: `columns.${short.name}.rows` },
    );
  return profile;
}
