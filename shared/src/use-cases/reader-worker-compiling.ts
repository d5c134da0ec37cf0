let set = false;

/**
 * Has the reader's worker threads started from now on optimize their hot loops on their own thread, where V8
 * otherwise hands that work to a background compiler thread and runs the loop in its slower tiers until the code is
 * ready. A reader worker is started to keep a second core busy reading beside this thread: on a 2-core runner the
 * background compiler has no core of its own then, and a worker's first 100,000 values ran 15–50 ms in the slower
 * tiers while it waited for one. The setting is read once, when a thread's engine starts: this thread and the
 * engines already running keep compiling in the background. Set once per process, before its first reader worker.
 */
export function compileOnReaderThreads(): void {
  if (set) return;
  set = true;
  process.getBuiltinModule("node:v8").setFlagsFromString("--no-concurrent-recompilation");
}
