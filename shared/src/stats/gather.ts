/**
 * `values[rows[i]]` for every i, as a new Float64Array. An explicit loop: `Float64Array.from(rows, fn)` on a typed
 * array first copies it into a plain list through its iterator, a heap array as long as the data.
 */
export function gather(values: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number;
  return out;
}
