/** A worker thread of `check` (bundled as dist/checkWorker.js): loads the corpus index, checks claimed files, posts the outcomes and its timing. */
import { parentPort, workerData } from 'worker_threads';
import { checkClaimedFiles, FileChecker, type WorkerSetup, type WorkOrder } from './checkFiles';
import { loadIndex } from './cliContext';

const setup = workerData as WorkerSetup;
const index = loadIndex(setup.roots, setup.builtinCorpus);
parentPort!.once('message', (order: WorkOrder) => {
  void index.then((loaded) => parentPort!.postMessage(checkClaimedFiles(order, new FileChecker(loaded, setup.job))));
});
