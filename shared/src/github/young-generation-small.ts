import { keepYoungGenerationSmall } from "../use-cases/young-generation.js";

// Imported first by validate-data's action entry, so it runs before the other modules load.
keepYoungGenerationSmall();
