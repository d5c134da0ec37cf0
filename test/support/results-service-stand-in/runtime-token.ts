/**
 * An ACTIONS_RUNTIME_TOKEN as the runner issues it: a JWT whose `scp` claim carries
 * `Actions.Results:<workflow run backend id>:<job run backend id>` (@actions/artifact reads the ids from
 * there, lib/internal/shared/util.js). The stand-in checks the bearer token; nothing verifies the signature.
 */
export function makeRuntimeToken(runId: string, jobId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ scp: `Actions.GenericRead:00000000 Actions.Results:${runId}:${jobId}`, exp: 4102444800 })}.c2lnbmF0dXJl`;
}
