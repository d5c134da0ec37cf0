import type { DocumentNode, GraphQLFieldResolver } from "graphql";
import { defaultFieldResolver, execute, GraphQLError, parse, validate } from "graphql";
import type { IncomingRequest, StandInContext } from "./answer-request.js";
import { errorResponse, faultResponse } from "./error-bodies.js";
import { loadGraphqlSchema } from "./graphql-schema.js";
import type { StandInResponse, TokenGrant } from "./stand-in-types.js";

/** GitHub's GraphQL endpoint: `/graphql` on github.com, `/api/graphql` on GHES. */
export const GRAPHQL_PATHS = new Set(["/graphql", "/api/graphql"]);

const GRAPHQL_DOCS = "https://docs.github.com/graphql";

/**
 * Answers a GraphQL request as GitHub does: the query is parsed and validated against GitHub's published schema
 * (`@octokit/graphql-schema`), its variables coerced to the schema's types, and executed over the stand-in's state.
 * A query GitHub would reject, or one asking for a field the stand-in does not model, is listed in `violations`.
 */
export function answerGraphql(context: StandInContext, request: IncomingRequest, grant: TokenGrant): StandInResponse {
  const { violations } = context;
  if (request.method !== "POST") {
    violations.push(`wrong method: ${request.method} ${request.path} (GraphQL takes POST)`);
    return errorResponse(404, "Not Found", GRAPHQL_DOCS);
  }
  const body = request.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (request.bodyIsInvalidJson || typeof body !== "object" || body === null || typeof body.query !== "string") {
    violations.push(`invalid GraphQL request: the body must be JSON with a "query" string`);
    return errorResponse(400, "Problems parsing JSON", GRAPHQL_DOCS);
  }
  const variables = body.variables ?? {};
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
    violations.push(`invalid GraphQL request: "variables" must be an object`);
    return errorResponse(400, "Problems parsing JSON", GRAPHQL_DOCS);
  }
  const schema = loadGraphqlSchema();
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return rejected(context, [error instanceof GraphQLError ? error : new GraphQLError(String(error))]);
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return rejected(context, invalid);
  const fault = context.faults.take("POST", request.path);
  if (fault) return faultResponse(fault.status, fault.headers, request.requestId);
  const result = execute({
    schema,
    document,
    rootValue: rootFor(context, grant),
    variableValues: variables as Record<string, unknown>,
    operationName: typeof body.operationName === "string" ? body.operationName : undefined,
    fieldResolver: modelledFieldsOnly(violations),
  });
  if (result instanceof Promise) throw new Error("The stand-in's GraphQL resolvers are synchronous.");
  const errors = result.errors ?? [];
  // Variables of the wrong type are a request GitHub rejects; "could not resolve" is an honest answer, not a violation.
  for (const error of errors)
    if (!/^Could not resolve to a node/.test(error.message)) violations.push(`GraphQL error: ${error.message}`);
  return {
    status: 200,
    body: { data: result.data ?? null, ...(errors.length > 0 ? { errors: errors.map(toGitHubError) } : {}) },
  };
}

/** GitHub answers a query that fails validation with 200 and `errors`, no `data`. */
function rejected(context: StandInContext, errors: readonly GraphQLError[]): StandInResponse {
  for (const error of errors) context.violations.push(`invalid GraphQL query: ${error.message}`);
  return { status: 200, body: { errors: errors.map(toGitHubError) } };
}

function toGitHubError(error: GraphQLError): object {
  const notFound = /^Could not resolve to a node/.test(error.message);
  return {
    message: error.message,
    locations: error.locations ?? [],
    ...(error.path ? { path: error.path } : {}),
    ...(notFound ? { type: "NOT_FOUND" } : {}),
  };
}

/** The root fields the stand-in models: `viewer`, and `node`/`nodes` for issue comments. */
function rootFor(context: StandInContext, grant: TokenGrant): Record<string, unknown> {
  const { state } = context;
  const lookUp = (id: string): object | GraphQLError => {
    const comment = state.findCommentByNodeId(id);
    if (!comment) return new GraphQLError(`Could not resolve to a node with the global id of '${id}'`);
    const minimized = state.minimizedReason(comment.id);
    return {
      __typename: "IssueComment",
      id: comment.node_id,
      databaseId: comment.id,
      body: comment.body,
      url: comment.html_url,
      isMinimized: minimized !== undefined,
      minimizedReason: minimized ?? null,
    };
  };
  return {
    // GraphQL names a bot without the `[bot]` suffix its REST login carries.
    viewer: () => ({ login: grant.login.replace(/\[bot\]$/, "") }),
    node: ({ id }: { id: string }) => lookUp(id),
    nodes: ({ ids }: { ids: string[] }) => ids.map(lookUp),
  };
}

/** Resolves a field from the stand-in's object, and lists any field it does not model instead of answering null. */
function modelledFieldsOnly(violations: string[]): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    if (
      typeof source === "object" &&
      source !== null &&
      !(info.fieldName in source) &&
      info.fieldName !== "__typename"
    ) {
      violations.push(`not implemented: GraphQL field ${info.parentType.name}.${info.fieldName}`);
    }
    return defaultFieldResolver(source, args, context, info);
  };
}
