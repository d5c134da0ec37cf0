// Without zod: a profile build writes this id and needs the schema only to read a profile back.

/** The `schema` field of every profile JSON modelgate writes (`ProfileSchema` checks it when one is read). */
export const PROFILE_SCHEMA = "modelgate.profile/v1";
