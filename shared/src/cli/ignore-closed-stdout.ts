/**
 * Lets a command run to its verdict when the reader of its standard output goes away (`modelgate demo | head`).
 * Node reports the closed pipe as an `error` event on `process.stdout`, and with no listener it ends the process with
 * a stack trace — before a gate has decided, so its exit code would say nothing about the gate. With this listener
 * the writes that cannot be delivered are dropped and the command finishes, exiting with its own code.
 */
export function ignoreClosedStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}
