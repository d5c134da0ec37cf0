/**
 * Ends the process with `code` once what it wrote to `streams` (standard output and error) has been handed to the
 * system, for a command that holds nothing open once it has returned (`profile`): without this, the process stays
 * until its worker thread is torn down and the engine has finished its garbage collection in progress and freed
 * its heap, which for `profile build` of a large file took longer than writing the profile. A write can still be
 * under way when the command returns (to a pipe on macOS and Linux, to a terminal on Windows, Node's writes are
 * asynchronous): an empty write's callback comes after the writes before it are done, or have failed (a reader gone
 * away, which `ignoreClosedStdout` lets pass), so nothing written is cut off and the command's exit code is kept.
 */
export function exitOnceWritten(
  code: number,
  streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr],
): void {
  let pending = streams.length;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of streams) stream.write("", done);
}
