/**
 * Whether the run is on GitHub Enterprise Server, decided as @actions/artifact decides it (its `isGhes`): a server
 * URL (GITHUB_SERVER_URL, default github.com) whose host is neither github.com, a GHE.com data-residency host
 * (*.ghe.com) nor a *.localhost test host.
 */
export function isGhes(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || "https://github.com").hostname.trimEnd().toUpperCase();
  } catch {
    return false;
  }
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}
