/**
 * A value built on the first call and returned by every later one: for work a run may never need (the schemas of a
 * policy section the policy does not have), paid only by the runs that use it.
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
