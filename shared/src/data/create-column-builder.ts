import { AutoColumnBuilder } from "./auto-column-builder.js";
import { IdColumnBuilder } from "./id-column-builder.js";
import type { ColumnBuilder } from "./column-builder.js";
import { NumberColumnBuilder } from "./number-column-builder.js";
import { StringColumnBuilder } from "./string-column-builder.js";
import type { ColumnRequest } from "./table.js";

/** The builder for one requested column; `expectedRows` sizes its storage when the row count is known. */
export function createColumnBuilder(request: ColumnRequest, expectedRows = 0): ColumnBuilder {
  if (request.interner) return new IdColumnBuilder(request.name, request.interner, expectedRows);
  switch (request.as) {
    case "number":
      return new NumberColumnBuilder(request.name, expectedRows);
    case "string":
      return new StringColumnBuilder(request.name, expectedRows);
    case "auto":
      return new AutoColumnBuilder(request.name, expectedRows);
  }
}
