import type { DataPolicy } from "./data-policy-schema.js";
import { readDataTable } from "./read-data-table.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { Table } from "../data/table/table.js";

/** The tables validate-data judges: the data, and the reference unless the run is schema-only. */
export async function loadValidateFiles(
  inputs: { data: string; reference?: string | undefined; schemaOnly: boolean },
  policy: DataPolicy | undefined,
  access: FileAccess,
): Promise<{ data: Table; reference: Table | undefined }> {
  const data = await readDataTable(inputs.data, "data", access, policy);
  const reference =
    inputs.reference !== undefined && !inputs.schemaOnly
      ? await readDataTable(inputs.reference, "reference", access, policy)
      : undefined;
  return { data, reference };
}
