import { parentPort, workerData } from 'node:worker_threads';
import { produceBatches, type ProduceJob } from './encode';

/**
 * Worker thread of the bulk loader: generates and encodes batches while the main thread copies the previous
 * ones into PostgreSQL (so generation and the database use the two cores at once). At most two batches wait.
 */
if (parentPort) {
  const port = parentPort;
  const job = workerData as ProduceJob;
  job.keys = {
    currentKeyId: job.keys.currentKeyId,
    encKeys: Object.fromEntries(Object.entries(job.keys.encKeys).map(([k, v]) => [k, Buffer.from(v)])),
    hmacKey: Buffer.from(job.keys.hmacKey),
  };
  let waiting = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { ack?: true }) => {
    if (m.ack) {
      waiting--;
      wake?.();
      wake = null;
    }
  });
  void produceBatches(job, async (b) => {
    waiting++;
    port.postMessage({ batch: b });
    while (waiting >= 2) await new Promise<void>((r) => (wake = r));
  })
    .then(() => port.postMessage({ done: true }))
    .catch((err: unknown) => port.postMessage({ error: String((err as Error)?.stack ?? err) }));
}
