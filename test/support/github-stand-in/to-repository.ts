import { toNodeId, toSimpleUser } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import type { RepoState } from "./stand-in-state.js";

/** GitHub's `repository` object (as embedded in a pull request's head and base), with every required field. */
export function toRepository(repo: RepoState, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.repo}`;
  const url = (suffix: string) => `${api}/${suffix}`;
  const created = "2020-01-01T00:00:00Z";
  return {
    id: repo.id, node_id: toNodeId("R", repo.id), name: repo.repo, full_name: `${repo.owner}/${repo.repo}`,
    owner: toSimpleUser(repo.owner, "User", urls), private: false, html_url: `${urls.web}/${repo.owner}/${repo.repo}`,
    description: null, fork: false, url: api,
    archive_url: url("{archive_format}{/ref}"), assignees_url: url("assignees{/user}"), blobs_url: url("git/blobs{/sha}"),
    branches_url: url("branches{/branch}"), collaborators_url: url("collaborators{/collaborator}"), comments_url: url("comments{/number}"),
    commits_url: url("commits{/sha}"), compare_url: url("compare/{base}...{head}"), contents_url: url("contents/{+path}"),
    contributors_url: url("contributors"), deployments_url: url("deployments"), downloads_url: url("downloads"), events_url: url("events"),
    forks_url: url("forks"), git_commits_url: url("git/commits{/sha}"), git_refs_url: url("git/refs{/sha}"), git_tags_url: url("git/tags{/sha}"),
    git_url: `git://github.com/${repo.owner}/${repo.repo}.git`, hooks_url: url("hooks"), issue_comment_url: url("issues/comments{/number}"),
    issue_events_url: url("issues/events{/number}"), issues_url: url("issues{/number}"), keys_url: url("keys{/key_id}"),
    labels_url: url("labels{/name}"), languages_url: url("languages"), merges_url: url("merges"), milestones_url: url("milestones{/number}"),
    notifications_url: url("notifications{?since,all,participating}"), pulls_url: url("pulls{/number}"), releases_url: url("releases{/id}"),
    ssh_url: `git@github.com:${repo.owner}/${repo.repo}.git`, stargazers_url: url("stargazers"), statuses_url: url("statuses/{sha}"),
    subscribers_url: url("subscribers"), subscription_url: url("subscription"), tags_url: url("tags"), teams_url: url("teams"),
    trees_url: url("git/trees{/sha}"), clone_url: `${urls.web}/${repo.owner}/${repo.repo}.git`, mirror_url: null,
    svn_url: `${urls.web}/${repo.owner}/${repo.repo}`, homepage: null, language: null, forks_count: 0, forks: 0,
    stargazers_count: 0, watchers_count: 0, watchers: 0, size: 0, default_branch: "main", open_issues_count: 0, open_issues: 0,
    has_issues: true, has_projects: true, has_wiki: true, has_pages: false, has_downloads: true, archived: false, disabled: false,
    license: null, pushed_at: created, created_at: created, updated_at: created,
  };
}
