import { ModelgateError } from "../core/modelgate-error.js";

/** The registry refused an operation or found its tags inconsistent; the message names the tag or version. */
export class RegistryError extends ModelgateError {}
