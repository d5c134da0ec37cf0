import { keepYoungGenerationSmallForFiles } from "../use-cases/young-generation.js";

// Imported first by validate-data's action entry, so it runs before the other modules load. The inputs are read as
// @actions/core reads them (INPUT_<NAME>, trimmed), relative to the workspace as the run resolves them.
keepYoungGenerationSmallForFiles(
  [process.env.INPUT_DATA, process.env.INPUT_REFERENCE],
  process.env.GITHUB_WORKSPACE ?? process.cwd(),
);
