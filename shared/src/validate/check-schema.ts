import type { NumberColumn, Table, TableColumn } from "../data/table/table.js";
import type { Check } from "../core/check.js";
import type { ColumnSchema, ColumnType, DataPolicy } from "./data-policy-schema.js";
import { numberText } from "./column-values.js";
import {
  countDuplicates,
  countFractional,
  countTextWhere,
  countWhere,
  numberRange,
  numericValues,
} from "./count-column-values.js";
import { makeCheck } from "./make-check.js";
import { isBooleanText, isDatetimeText, isIntegerText, parseFiniteText } from "./parse-cell-text.js";

/**
 * The schema checks of the policy's `data:` section on one table: table-level `columns` and `rows`, then per
 * column type, nulls, range, allowed values, pattern and uniqueness. Each rule is its own check; its value is
 * the number of rows that break it (reports carry counts, never the rows themselves).
 */
export function checkSchema(table: Table, policy: DataPolicy): Check[] {
  const checks: Check[] = [...checkColumnSet(table, policy), ...checkRows(table, policy)];
  for (const [name, schema] of Object.entries(policy.schema)) {
    const column = table.columns.get(name);
    if (column) checks.push(...checkColumn(column, schema, table.rows));
  }
  return checks;
}

function checkColumnSet(table: Table, policy: DataPolicy): Check[] {
  const declared = Object.keys(policy.schema);
  if (declared.length === 0) return [];
  const present = new Set(table.fileColumns);
  const checks: Check[] = [];
  if (policy.columns !== "subset") {
    for (const name of declared) {
      const has = present.has(name);
      checks.push(
        makeCheck(
          name,
          "present",
          has ? "pass" : "fail",
          has ? 1 : 0,
          1,
          has
            ? "Present."
            : `Column is missing from ${table.name}; the schema (columns: ${policy.columns}) requires it.`,
        ),
      );
    }
  }
  if (policy.columns !== "superset") {
    const known = new Set(declared);
    const extra = table.fileColumns.filter((name) => !known.has(name));
    checks.push(
      makeCheck(
        "table",
        "no-extra-columns",
        extra.length === 0 ? "pass" : "fail",
        extra.length,
        0,
        extra.length === 0
          ? "No columns beyond the schema."
          : `${extra.length} column${extra.length === 1 ? "" : "s"} not in the schema (columns: ${policy.columns}): ${extra
              .slice(0, 10)
              .map((n) => JSON.stringify(n))
              .join(", ")}${extra.length > 10 ? ", …" : ""}.`,
      ),
    );
  }
  return checks;
}

function checkRows(table: Table, policy: DataPolicy): Check[] {
  const checks: Check[] = [];
  const { min, max } = policy.rows ?? {};
  if (min !== undefined) {
    const ok = table.rows >= min;
    checks.push(
      makeCheck(
        "table",
        "rows-min",
        ok ? "pass" : "fail",
        table.rows,
        min,
        `${table.rows} rows; at least ${min} required.`,
      ),
    );
  }
  if (max !== undefined) {
    const ok = table.rows <= max;
    checks.push(
      makeCheck(
        "table",
        "rows-max",
        ok ? "pass" : "fail",
        table.rows,
        max,
        `${table.rows} rows; at most ${max} allowed.`,
      ),
    );
  }
  return checks;
}

function checkColumn(column: TableColumn, schema: ColumnSchema, rows: number): Check[] {
  const name = column.name;
  const checks: Check[] = [];
  const bad = countTypeViolations(column, schema.type);
  checks.push(
    makeCheck(
      name,
      "type",
      bad.count === 0 ? "pass" : "fail",
      bad.count,
      0,
      bad.count === 0 ? `Every value is ${article(schema.type)}.` : `${bad.count} row${plural(bad.count)} ${bad.why}.`,
    ),
  );
  // NaN and Infinity are type violations of their own, so only empty cells count as null here.
  const nulls = column.missing;
  const nullPct = rows === 0 ? 0 : (100 * nulls) / rows;
  if (schema.nullable === false) {
    checks.push(
      makeCheck(
        name,
        "nullable",
        nulls === 0 ? "pass" : "fail",
        nulls,
        0,
        nulls === 0 ? "No missing values." : `${nulls} missing value${plural(nulls)}; the column is not nullable.`,
      ),
    );
  }
  if (schema["max-null-pct"] !== undefined) {
    const bound = schema["max-null-pct"];
    const ok = nullPct <= bound * (1 + 1e-9);
    checks.push(
      makeCheck(
        name,
        "max-null-pct",
        ok ? "pass" : "fail",
        nullPct,
        bound,
        `${formatPct(nullPct)} of rows missing; at most ${bound}% allowed.`,
      ),
    );
  }
  // A text column is parsed into numbers only for a min or max rule (a whole column of doubles otherwise for nothing).
  const numbers = schema.min !== undefined || schema.max !== undefined ? numericValues(column) : undefined;
  // Values are counted against a bound only when the column's range passes it.
  const range = numbers === undefined ? undefined : numberRange(numbers);
  if (schema.min !== undefined) {
    const below = numbers === undefined || range!.min >= schema.min ? 0 : countWhere(numbers, (v) => v < schema.min!);
    checks.push(
      makeCheck(
        name,
        "min",
        below === 0 ? "pass" : "fail",
        below,
        schema.min,
        below === 0 ? `No value below ${schema.min}.` : `${below} value${plural(below)} below ${schema.min}.`,
      ),
    );
  }
  if (schema.max !== undefined) {
    const above = numbers === undefined || range!.max <= schema.max ? 0 : countWhere(numbers, (v) => v > schema.max!);
    checks.push(
      makeCheck(
        name,
        "max",
        above === 0 ? "pass" : "fail",
        above,
        schema.max,
        above === 0 ? `No value above ${schema.max}.` : `${above} value${plural(above)} above ${schema.max}.`,
      ),
    );
  }
  if (schema.allowed !== undefined) {
    const allowed = new Set(schema.allowed.map((v) => (typeof v === "number" ? numberText(v) : String(v))));
    const { rows: outside, distinct } = countTextWhere(column, (text) => !allowed.has(text));
    checks.push(
      makeCheck(
        name,
        "allowed",
        outside === 0 ? "pass" : "fail",
        outside,
        0,
        outside === 0
          ? "Every value is an allowed one."
          : `${outside} row${plural(outside)} hold${outside === 1 ? "s" : ""} ${distinct} value${plural(distinct)} outside the allowed list.`,
      ),
    );
  }
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, "u");
    const { rows: misses } = countTextWhere(column, (text) => !pattern.test(text));
    checks.push(
      makeCheck(
        name,
        "pattern",
        misses === 0 ? "pass" : "fail",
        misses,
        0,
        misses === 0
          ? "Every value matches the pattern."
          : `${misses} value${plural(misses)} do not match the pattern.`,
      ),
    );
  }
  if (schema.unique === true) {
    const duplicates = countDuplicates(column);
    checks.push(
      makeCheck(
        name,
        "unique",
        duplicates === 0 ? "pass" : "fail",
        duplicates,
        0,
        duplicates === 0
          ? "Every value occurs once."
          : `${duplicates} row${plural(duplicates)} repeat an earlier value.`,
      ),
    );
  }
  return checks;
}

/** Rows whose value is not of the declared type, and why, in words. */
function countTypeViolations(column: TableColumn, type: ColumnType): { count: number; why: string } {
  if (column.kind === "number") return numberTypeViolations(column, type);
  const test = TEXT_TESTS[type];
  if (test === undefined) return { count: 0, why: "" };
  const { rows } = countTextWhere(column, (text) => !test(text));
  return { count: rows, why: `are not ${article(type)} (mixed types)` };
}

const TEXT_TESTS: Partial<Record<ColumnType, (text: string) => boolean>> = {
  integer: isIntegerText,
  number: (text) => parseFiniteText(text) !== undefined,
  boolean: isBooleanText,
  datetime: isDatetimeText,
};

function numberTypeViolations(column: NumberColumn, type: ColumnType): { count: number; why: string } {
  const nonFinite = column.nonFinite;
  switch (type) {
    case "number":
      return {
        count: nonFinite + column.nonNumeric,
        why: "hold NaN or Infinity (or a non-number), which is not a usable number",
      };
    case "integer": {
      const fractional = countFractional(column.values);
      return {
        count: nonFinite + column.nonNumeric + fractional,
        why: "are not whole numbers (fractions, NaN or Infinity)",
      };
    }
    case "boolean": {
      const other = countWhere(column.values, (v) => v !== 0 && v !== 1);
      return { count: nonFinite + other, why: "are numbers other than 0 and 1" };
    }
    case "datetime":
      return { count: column.values.length - column.missing, why: "are numbers, not ISO 8601 dates or date-times" };
    case "string":
    case "category":
      return { count: 0, why: "" };
  }
}

function article(type: ColumnType): string {
  return type === "integer" ? "an integer" : `a ${type}`;
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}

function formatPct(pct: number): string {
  return `${Number(pct.toPrecision(4))}%`;
}
