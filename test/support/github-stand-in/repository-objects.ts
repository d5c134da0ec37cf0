import type { Urls } from "./github-objects.js";
import { toNodeId, toSimpleUser } from "./github-objects.js";

const TEMPLATED_URLS: Record<string, string> = {
  archive_url: "/{archive_format}{/ref}",
  assignees_url: "/assignees{/user}",
  blobs_url: "/git/blobs{/sha}",
  branches_url: "/branches{/branch}",
  collaborators_url: "/collaborators{/collaborator}",
  comments_url: "/comments{/number}",
  commits_url: "/commits{/sha}",
  compare_url: "/compare/{base}...{head}",
  contents_url: "/contents/{+path}",
  contributors_url: "/contributors",
  deployments_url: "/deployments",
  downloads_url: "/downloads",
  events_url: "/events",
  forks_url: "/forks",
  git_commits_url: "/git/commits{/sha}",
  git_refs_url: "/git/refs{/sha}",
  git_tags_url: "/git/tags{/sha}",
  hooks_url: "/hooks",
  issue_comment_url: "/issues/comments{/number}",
  issue_events_url: "/issues/events{/number}",
  issues_url: "/issues{/number}",
  keys_url: "/keys{/key_id}",
  labels_url: "/labels{/name}",
  languages_url: "/languages",
  merges_url: "/merges",
  milestones_url: "/milestones{/number}",
  notifications_url: "/notifications{?since,all,participating}",
  pulls_url: "/pulls{/number}",
  releases_url: "/releases{/id}",
  stargazers_url: "/stargazers",
  statuses_url: "/statuses/{sha}",
  subscribers_url: "/subscribers",
  subscription_url: "/subscription",
  tags_url: "/tags",
  teams_url: "/teams",
  trees_url: "/git/trees{/sha}",
};

/** GitHub's `minimal-repository`: what a workflow run says of its repository and head repository. */
export function toMinimalRepository(id: number, fullName: string, urls: Urls): Record<string, unknown> {
  const [owner = "", name = ""] = fullName.split("/");
  const api = `${urls.api}/repos/${fullName}`;
  const templated = Object.fromEntries(Object.entries(TEMPLATED_URLS).map(([field, tail]) => [field, `${api}${tail}`]));
  return {
    id,
    node_id: toNodeId("R", id),
    name,
    full_name: fullName,
    owner: toSimpleUser(owner, "User", urls),
    private: false,
    html_url: `${urls.web}/${fullName}`,
    description: null,
    fork: false,
    url: api,
    ...templated,
  };
}

/** GitHub's full `repository` object, as pull requests embed it in `head.repo` and `base.repo`. */
export function toRepository(id: number, fullName: string, urls: Urls, fork: boolean): Record<string, unknown> {
  return {
    ...toMinimalRepository(id, fullName, urls),
    fork,
    clone_url: `${urls.web}/${fullName}.git`,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    svn_url: `${urls.web}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: "main",
    forks: 0,
    forks_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    has_downloads: true,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: "2026-01-01T00:00:00Z",
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}
