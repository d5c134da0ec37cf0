import { isProfilePartWorker, serveProfilePartWorker } from "./profile-part-worker.js";
import { isReferenceWorker, serveReferenceWorker } from "./reference-worker.js";

// The entry of the reference reader's own bundle (`reference-worker/index.js` beside the CLI's and validate-data's):
// a worker thread that loads only the readers starts sooner and holds less than one that loads a whole gate. It also
// reads the second part of a file `modelgate profile build` reads on two threads.
if (isReferenceWorker()) await serveReferenceWorker();
else if (isProfilePartWorker()) await serveProfilePartWorker();
else {
  process.stderr.write(
    "This bundle reads validate-data's reference on a worker thread; run modelgate or the action instead.\n",
  );
  process.exitCode = 2;
}
