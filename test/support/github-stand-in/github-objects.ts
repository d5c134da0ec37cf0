import { createHash } from "node:crypto";
import type { CheckRun, IssueLabel, SimpleUser } from "./stand-in-types.js";

/** Where the stand-in says its objects live: API URLs point back at it, web URLs at github.com. */
export interface Urls {
  api: string;
  web: string;
}

/** GitHub's real id for github-actions[bot], the author of every GITHUB_TOKEN comment. */
const GITHUB_ACTIONS_BOT_ID = 41898282;

export function toTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A stable numeric id per login, so the same user keeps the same id across requests and tests. */
export function toUserId(login: string): number {
  if (login === "github-actions[bot]") return GITHUB_ACTIONS_BOT_ID;
  return 1000 + (createHash("sha256").update(login).digest().readUInt32BE(0) % 90_000_000);
}

export function toNodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString("base64url")}`;
}

export function toSimpleUser(login: string, type: "User" | "Bot", urls: Urls): SimpleUser {
  const id = toUserId(login);
  const api = `${urls.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: toNodeId(type === "Bot" ? "BOT" : "U", id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${type === "Bot" ? "apps/" + login.replace(/\[bot\]$/, "") : login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /user` for a user token: the `private-user` shape (the caller's own profile). */
export function toPrivateUser(login: string, urls: Urls): Record<string, unknown> {
  const created = "2020-01-01T00:00:00Z";
  return {
    ...toSimpleUser(login, "User", urls),
    user_view_type: "private",
    name: null,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: created,
    updated_at: created,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

/** The GitHub Actions app (creator of jobs' check runs and of check runs made with GITHUB_TOKEN), or another app. */
function toApp(slug: string, urls: Urls): Record<string, unknown> {
  if (slug !== "github-actions") {
    const id = 900_000 + (toUserId(slug) % 100_000);
    return {
      id,
      slug,
      node_id: toNodeId("A", id),
      name: slug,
      owner: toSimpleUser(`${slug}-owner`, "User", urls),
      description: null,
      external_url: `https://${slug}.example`,
      html_url: `${urls.web}/apps/${slug}`,
      created_at: "2020-01-01T00:00:00Z",
      updated_at: "2020-01-01T00:00:00Z",
      permissions: { checks: "write", metadata: "read" },
      events: ["check_run"],
    };
  }
  return {
    id: 15368,
    slug: "github-actions",
    node_id: "MDM6QXBwMTUzNjg=",
    name: "GitHub Actions",
    owner: { ...toSimpleUser("github", "User", urls), type: "Organization" },
    description: "Automate your workflow from idea to production",
    external_url: "https://help.github.com/en/actions",
    html_url: `${urls.web}/apps/github-actions`,
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2019-12-10T19:04:12Z",
    permissions: { checks: "write", issues: "write", pull_requests: "write", metadata: "read" },
    events: ["check_run", "check_suite", "pull_request", "push"],
  };
}

export function toCheckRunResponse(run: CheckRun, owner: string, repo: string, urls: Urls): Record<string, unknown> {
  const url = `${urls.api}/repos/${owner}/${repo}/check-runs/${run.id}`;
  const { annotations, output, ...fields } = run;
  // `created_by`, `app_slug` and `check_suite_id` are the stand-in's bookkeeping, not GitHub fields.
  const github: Record<string, unknown> = { ...fields };
  delete github.created_by;
  delete github.app_slug;
  delete github.check_suite_id;
  return {
    ...github,
    node_id: toNodeId("CR", run.id),
    url,
    html_url: `${urls.web}/${owner}/${repo}/runs/${run.id}`,
    details_url: run.details_url ?? `${urls.web}/${owner}/${repo}/runs/${run.id}`,
    output: { ...output, annotations_count: annotations.length, annotations_url: `${url}/annotations` },
    check_suite: { id: run.check_suite_id },
    app: toApp(run.app_slug, urls),
    pull_requests: [],
  };
}

export function toReactionRollup(url: string): Record<string, unknown> {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    "+1": 0,
    "-1": 0,
    laugh: 0,
    confused: 0,
    heart: 0,
    hooray: 0,
    eyes: 0,
    rocket: 0,
  };
}

/** A label GitHub made on the fly: naming an unknown label on an issue creates it, grey and without a description. */
export function toIssueLabel(id: number, name: string, owner: string, repo: string, urls: Urls): IssueLabel {
  return {
    id,
    node_id: toNodeId("LA", id),
    url: `${urls.api}/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: "ededed",
    default: false,
  };
}
