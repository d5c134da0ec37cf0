import { AutoColumnBuilder } from "./auto-column-builder.js";
import type { HeldMemory } from "./block-array.js";
import { IdColumnBuilder } from "./id-column-builder.js";
import type { ColumnBuilder } from "./column-builder.js";
import { NumberColumnBuilder } from "./number-column-builder.js";
import { StringColumnBuilder } from "./string-column-builder.js";
import type { ColumnRequest } from "./column-request.js";

/**
 * The builder for one requested column; `expectedRows` sizes its storage when the row count is known, and
 * `memory` (the pass's `TableGuard`) is charged with what it holds. A request's own `builder` makes it, when given.
 */
export function createColumnBuilder(
  request: ColumnRequest,
  expectedRows = 0,
  memory?: HeldMemory,
): ColumnBuilder<unknown> {
  if (request.builder) return request.builder(request, expectedRows, memory);
  if (request.interner) return new IdColumnBuilder(request.name, request.interner, expectedRows, memory);
  switch (request.as) {
    case "number":
      return new NumberColumnBuilder(request.name, expectedRows, memory);
    case "string":
      return new StringColumnBuilder(request.name, expectedRows, memory);
    case "auto":
      return AutoColumnBuilder.ofTable(request.name, expectedRows, memory);
  }
}
