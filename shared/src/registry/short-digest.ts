/** A digest as reports show it: `sha256:` and its first 12 hex digits. */
export const shortDigest = (digest: string): string => `sha256:${digest.slice(0, 12)}`;
