import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exitOnceWritten } from "../../../shared/src/cli/exit-once-written.js";

/** A stream whose writes are done only when `release` is called, as a pipe whose reader has not read yet. */
function slowStream() {
  const pending: Array<() => void> = [];
  const stream = new PassThrough();
  stream._write = (_chunk, _encoding, callback) => void pending.push(() => callback());
  return { stream, release: () => pending.splice(0).forEach((done) => done()) };
}

describe("exitOnceWritten", () => {
  afterEach(() => vi.restoreAllMocks());

  it("exits with the command's code only once both streams' writes before it are done", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const out = slowStream();
    const err = slowStream();
    out.stream.write("the profile");
    exitOnceWritten(3, [out.stream, err.stream]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).not.toHaveBeenCalled();
    out.release();
    out.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).not.toHaveBeenCalled();
    err.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledExactlyOnceWith(3);
  });

  it("exits when a stream's reader went away (its writes fail)", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const gone = new PassThrough();
    gone.on("error", () => undefined);
    gone.destroy();
    exitOnceWritten(1, [gone]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });
});
