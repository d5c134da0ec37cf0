import { keepYoungGenerationSmall } from "../use-cases/young-generation.js";

// Imported first by the CLI's entry, so it runs before the other modules load; other commands keep V8's defaults.
if (process.argv[2] === "validate") keepYoungGenerationSmall();
