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
  const keys = toKeys(column);
  const missing = keys.filter((key) => key === undefined).length;
  if (missing > 0) {
    throw predictionColumnError(
      source,
      `${missing} of ${keys.length} rows have no value; the first is data row ${keys.indexOf(undefined) + 1}.`,
      `Give every row a class in "${source.column}", or drop the unlabelled rows before this step.`,
    );
  }
  const positive = column.kind === "number" ? toNumberKey(positiveLabel) : positiveLabel;
  const seen = [...new Set(keys as string[])];
  const other = negative ?? seen.find((key) => key !== positive);
  if (seen.some((key) => key !== positive && key !== other)) {
    const shown = seen.slice(0, SHOWN).map((key) => JSON.stringify(key.slice(0, 40)));
    const more = seen.length > SHOWN ? ` and ${seen.length - SHOWN} more` : "";
    const allowed = negative === undefined ? "and one other value" : `and the label column's other class ${JSON.stringify(negative)}`;
    throw predictionColumnError(
      source,
      `values seen: ${shown.join(", ")}${more}; only the positive label ${JSON.stringify(positive)} ${allowed} are allowed.`,
      `Set positive-label to the class that counts as positive and keep two classes in "${source.column}"; multi-class predictions are not supported.`,
    );
  }
  const values = Float64Array.from(keys, (key) => (key === positive ? 1 : 0));
  return other === undefined ? { values } : { values, negative: other };
}

function toKeys(column: TableColumn): (string | undefined)[] {
  if (column.kind === "number") {
    return Array.from(column.values, (value) => (Number.isNaN(value) ? undefined : String(value)));
  }
  return Array.from(column.codes, (code) => (code < 0 ? undefined : column.dictionary[code]));
}

/** The positive label as a numeric column's key: "1.0" and "1" both mean 1; text that is no number stays as is. */
function toNumberKey(label: string): string {
  const trimmed = label.trim();
  const value = Number(trimmed);
  return trimmed !== "" && Number.isFinite(value) ? String(value) : label;
}
