/** The `yaml` package, evaluated on the first call. */
export declare function loadYaml(): typeof import("yaml");
