import { readFileSync } from "node:fs";
import type { GraphQLSchema, IntrospectionQuery } from "graphql";
import { buildClientSchema } from "graphql";

/**
 * GitHub's published GraphQL schema as introspection JSON, as `@octokit/graphql-schema` ships it (its package exports
 * only JS). The SDL copy beside it repeats two fields, which graphql-js rightly refuses to build; the JSON is the
 * introspection answer itself.
 */
const SCHEMA_PATH = new URL("../../../node_modules/@octokit/graphql-schema/schema.json", import.meta.url);

let schema: GraphQLSchema | undefined;

/** GitHub's GraphQL schema, built once per process; every query the stand-in answers is validated against it. */
export function loadGraphqlSchema(): GraphQLSchema {
  schema ??= buildClientSchema(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as IntrospectionQuery);
  return schema;
}
