import { describe, expect, it } from "vitest";
import { callStandIn } from "./call-stand-in.js";
import { useGitHubStandIn } from "./use-github-stand-in.js";

const api = useGitHubStandIn();
const graphql = (query: string, variables?: unknown, token?: string | null) =>
  callStandIn(api().url, "POST", "/graphql", {
    body: variables === undefined ? { query } : { query, variables },
    ...(token === undefined ? {} : { token }),
  });

describe("startGitHubStandIn GraphQL", () => {
  it("answers viewer with the token's login, without the [bot] suffix REST logins carry", async () => {
    const logins = [];
    for (const token of ["ghs_test_write", "ghs_test_app", "ghp_test_user"])
      logins.push((await graphql("{ viewer { login } }", undefined, token)).json);
    expect(logins).toEqual([
      { data: { viewer: { login: "github-actions" } } },
      { data: { viewer: { login: "model-gatekeeper" } } },
      { data: { viewer: { login: "octo-user" } } },
    ]);
    expect(api().requests.map((r) => r.route)).toEqual(["POST /graphql", "POST /graphql", "POST /graphql"]);
    expect(api().violations).toEqual([]);
  });

  it("answers whether comments are hidden by node id, and null with a NOT_FOUND error for an unknown id", async () => {
    api().seedComments("o", "r", 7, [
      { body: "a", login: "github-actions[bot]" },
      { body: "b", login: "github-actions[bot]", minimized: "outdated" },
    ]);
    const [visible, hidden] = api().comments("o", "r", 7);
    const query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized minimizedReason } } }";
    const { status, json } = await graphql(query, { ids: [visible!.node_id, hidden!.node_id, "IC_missing"] });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      data: {
        nodes: [
          { id: visible!.node_id, isMinimized: false, minimizedReason: null },
          { id: hidden!.node_id, isMinimized: true, minimizedReason: "outdated" },
          null,
        ],
      },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["nodes", 2],
          message: "Could not resolve to a node with the global id of 'IC_missing'",
        },
      ],
    });
    expect(api().violations).toEqual([]);
  });

  it("lists a query with a field GitHub's schema does not have as a violation and answers errors without data", async () => {
    const { status, json } = await graphql("{ viewer { login isHidden } }");
    expect(status).toBe(200);
    expect(json).toEqual({
      errors: [
        {
          message: 'Cannot query field "isHidden" on type "User". Did you mean "isViewer"?',
          locations: [{ line: 1, column: 18 }],
        },
      ],
    });
    expect(api().violations).toEqual([
      'invalid GraphQL query: Cannot query field "isHidden" on type "User". Did you mean "isViewer"?',
    ]);
  });

  it("lists a syntax error, a variable of the wrong type and a missing query as violations", async () => {
    await graphql("{ viewer { login }");
    await graphql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [{ id: 5 }] });
    await graphql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }");
    await callStandIn(api().url, "POST", "/graphql", { body: { variables: {} } });
    expect(api().violations).toHaveLength(4);
    expect(api().violations[0]).toMatch(/^invalid GraphQL query: Syntax Error/);
    expect(api().violations[1]).toMatch(/^GraphQL error: Variable "\$ids" got invalid value/);
    expect(api().violations[2]).toMatch(
      /^GraphQL error: Variable "\$ids" of required type "\[ID!\]!" was not provided/,
    );
    expect(api().violations[3]).toBe('invalid GraphQL request: the body must be JSON with a "query" string');
  });

  it("lists a valid query for a field the stand-in does not model, rather than answering null as if GitHub had", async () => {
    await graphql("{ viewer { login name } }");
    expect(api().violations).toEqual(["not implemented: GraphQL field User.name"]);
  });

  it("answers 401 Bad credentials to an unknown token and lets read-only tokens query", async () => {
    expect((await graphql("{ viewer { login } }", undefined, "ghp_unknown")).status).toBe(401);
    expect((await graphql("{ viewer { login } }", undefined, "ghs_test_read")).json).toEqual({
      data: { viewer: { login: "github-actions" } },
    });
    expect(api().violations).toEqual([]);
  });
});
