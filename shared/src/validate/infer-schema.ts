import type { Table, TableColumn } from "../data/table/table.js";
import type { ColumnSchema } from "./data-policy-schema.js";
import { categoryCounts, countDistinctSorted, sortedFiniteValues } from "./column-values.js";
import { isBooleanText, isDatetimeText } from "./parse-cell-text.js";

/** Text columns with at most this many distinct values (and repeats) are inferred as categories with an allowed list. */
export const MAX_INFERRED_CATEGORIES = 20;
/** `unique` is inferred only for a column with no missing value and at least this many rows, all different. */
export const MIN_ROWS_FOR_UNIQUE = 10;

/**
 * A starting schema for the policy's `data:` section, from one table: each column's type (integer, number,
 * boolean, datetime, category with its allowed values, else string), `nullable: false` where no value is
 * missing, the observed min/max of numbers, `unique` for identifier-like columns, and `columns: exact`.
 * A starting point to review, not a verdict: observed bounds are often tighter than the real domain.
 */
export function inferSchema(table: Table): {
  columns: "exact";
  rows: { min: number };
  schema: Record<string, ColumnSchema>;
} {
  const schema: Record<string, ColumnSchema> = Object.fromEntries(
    [...table.columns.values()].map((column) => [column.name, inferColumn(column, table.rows)]),
  );
  return { columns: "exact", rows: { min: 1 }, schema };
}

function inferColumn(column: TableColumn, rows: number): ColumnSchema {
  if (column.kind === "number") {
    // Numbers need their sorted values only: no text label per distinct value.
    const sorted = sortedFiniteValues(column.values);
    const nullable = sorted.length === rows ? { nullable: false } : {};
    const unique = sorted.length === rows && rows >= MIN_ROWS_FOR_UNIQUE && countDistinctSorted(sorted) === rows;
    const integer = sorted.every(Number.isInteger);
    const bounds = sorted.length > 0 ? { min: sorted[0]!, max: sorted[sorted.length - 1]! } : {};
    return {
      type: integer ? "integer" : "number",
      ...nullable,
      ...bounds,
      ...(integer && unique ? { unique: true } : {}),
    };
  }
  const counts = categoryCounts(column);
  const present = [...counts.values()].reduce((a, b) => a + b, 0);
  const nulls = rows - present;
  const nullable = nulls === 0 ? { nullable: false } : {};
  // Distinct values in a handful of rows say nothing; an identifier shows itself over many complete rows.
  const unique = nulls === 0 && present >= MIN_ROWS_FOR_UNIQUE && counts.size === present;
  const values = [...counts.keys()];
  if (values.length > 0 && values.every(isBooleanText)) return { type: "boolean", ...nullable };
  if (values.length > 0 && values.every(isDatetimeText)) return { type: "datetime", ...nullable };
  if (values.length <= MAX_INFERRED_CATEGORIES && values.length < present)
    return { type: "category", ...nullable, allowed: values.sort() };
  return { type: "string", ...nullable, ...(unique ? { unique: true } : {}) };
}

/** The inferred schema as the `data:` section of modelgate.yml (YAML; names and values JSON-quoted, which YAML reads as is). */
export function renderSchemaYaml(inferred: ReturnType<typeof inferSchema>, source: string): string {
  const lines = [
    `# Inferred by modelgate infer-schema from ${JSON.stringify(source)}; review before use.`,
    "data:",
    `  columns: ${inferred.columns}`,
    `  rows: { min: ${inferred.rows.min} }`,
    "  schema:",
  ];
  for (const [name, column] of Object.entries(inferred.schema)) {
    const parts = Object.entries(column).map(
      ([key, value]) =>
        `${key}: ${Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : typeof value === "string" ? value : JSON.stringify(value)}`,
    );
    lines.push(`    ${JSON.stringify(name)}: { ${parts.join(", ")} }`);
  }
  return `${lines.join("\n")}\n`;
}
