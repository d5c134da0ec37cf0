import type { PredictionColumnSource } from "./predictions.js";
import { predictionColumnError } from "./prediction-column-error.js";
import type { TableColumn } from "../table/table.js";

/** A class column as 0/1, and the text of the class that became 0, when one occurs. */
export interface BinaryLabels {
  values: Float64Array;
  negative?: string;
}

const SHOWN = 10;

/**
 * Maps a class column to 1 (the positive label) and 0 (the one other value), as sklearn's pos_label does for
 * binary targets. Numbers compare by value ("1.0" is "1"), text exactly. `negative` fixes the 0 class, so a
 * prediction column must use the label column's two classes.
 * @throws DataError naming the input, file and column: missing cells (how many, first data row), or a value that
 * is neither the positive label nor the one other value (the values seen are listed).
 */
export function toBinaryLabels(
  column: TableColumn,
  positiveLabel: string,
  source: PredictionColumnSource,
  negative?: string,
): BinaryLabels {
  const { rows, keys, missing, firstMissing } = toKeys(column);
  if (missing > 0) {
    throw predictionColumnError(
      source,
      `${missing} of ${rows.length} rows have no value; the first is data row ${firstMissing + 1}.`,
      `Give every row a class in "${source.column}", or drop the unlabelled rows before this step.`,
    );
  }
  const positive = column.kind === "number" ? toNumberKey(positiveLabel) : positiveLabel;
  const seen = keys;
  const other = negative ?? seen.find((key) => key !== positive);
  if (seen.some((key) => key !== positive && key !== other)) {
    const shown = seen.slice(0, SHOWN).map((key) => JSON.stringify(key.slice(0, 40)));
    const more = seen.length > SHOWN ? ` and ${seen.length - SHOWN} more` : "";
    const allowed =
      negative === undefined ? "and one other value" : `and the label column's other class ${JSON.stringify(negative)}`;
    throw predictionColumnError(
      source,
      `values seen: ${shown.join(", ")}${more}; only the positive label ${JSON.stringify(positive)} ${allowed} are allowed.`,
      `Set positive-label to the class that counts as positive and keep two classes in "${source.column}"; multi-class predictions are not supported.`,
    );
  }
  const positiveKey = seen.indexOf(positive);
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = rows[i] === positiveKey ? 1 : 0;
  return other === undefined ? { values } : { values, negative: other };
}

/** Each row's key as an index into `keys` (distinct keys in order of first appearance), with no string per row. */
function toKeys(column: TableColumn): { rows: Int32Array; keys: string[]; missing: number; firstMissing: number } {
  const n = column.kind === "number" ? column.values.length : column.codes.length;
  const rows = new Int32Array(n);
  const keys: string[] = [];
  const indexOfKey = new Map<string, number>();
  let missing = 0;
  let firstMissing = -1;
  const keyIndex = (key: string): number => {
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = keys.length;
      keys.push(key);
      indexOfKey.set(key, index);
    }
    return index;
  };
  if (column.kind === "number") {
    // Classes are few: each distinct value's key is made once; a row of the class before it needs no lookup.
    const byValue = new Map<number, number>();
    let last = Number.NaN;
    let lastIndex = -1;
    for (let i = 0; i < n; i++) {
      const value = column.values[i]!;
      if (value !== value) {
        rows[i] = -1;
        if (missing++ === 0) firstMissing = i;
        continue;
      }
      if (value !== last) {
        let index = byValue.get(value);
        if (index === undefined) byValue.set(value, (index = keyIndex(String(value))));
        last = value;
        lastIndex = index;
      }
      rows[i] = lastIndex;
    }
  } else {
    const byCode = new Int32Array(column.dictionary.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const code = column.codes[i]!;
      if (code < 0) {
        rows[i] = -1;
        if (missing++ === 0) firstMissing = i;
        continue;
      }
      let index = byCode[code]!;
      if (index < 0) byCode[code] = index = keyIndex(column.dictionary[code]!);
      rows[i] = index;
    }
  }
  return { rows, keys, missing, firstMissing };
}

/** The positive label as a numeric column's key: "1.0" and "1" both mean 1; text that is no number stays as is. */
function toNumberKey(label: string): string {
  const trimmed = label.trim();
  const value = Number(trimmed);
  return trimmed !== "" && Number.isFinite(value) ? String(value) : label;
}
