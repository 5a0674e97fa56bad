/**
 * The load generator of requests.bench.ts, run in a worker thread so that the HTTP client (Node's
 * fetch) does not share the event loop with the server it measures: a real server's clients are
 * elsewhere, and baseline B (bare commits, no HTTP) has no client to pay for either. Plain
 * JavaScript because worker threads do not get tsx's loader. Types: LoadSpec / LoadOutcome in
 * requests.bench.ts.
 *
 * Closed loop: `clients` async loops, each sending its next request as soon as the previous
 * answer is read, for warm-up + measured seconds; only calls that start and end inside the measured
 * window count, and a call counts only with the expected status.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

async function run(spec) {
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  const measureFrom = start + spec.warmupSeconds * 1000;
  const end = measureFrom + spec.seconds * 1000;
  const samples = [];
  const tally = {};
  let errors = 0;
  let firstError = null;
  let n = 0;
  let completed = 0; // every answered call, warm-up included: for the server's cost per call
  await Promise.all(
    Array.from({ length: spec.clients }, async (_, client) => {
      const headers = spec.headers[client % spec.headers.length] ?? {};
      while (performance.now() < end) {
        const t0 = performance.now();
        let ok = false;
        try {
          const body = spec.bodies ? spec.bodies[n++ % spec.bodies.length] : undefined;
          const response = await globalThis.fetch(spec.url, { method: spec.method, headers, body });
          const text = await response.text(); // read the body: the client must receive the whole answer
          ok = response.status === spec.expectedStatus;
          if (spec.tallyField) {
            const key = ok ? String(JSON.parse(text)[spec.tallyField]) : `http ${response.status}`;
            tally[key] = (tally[key] ?? 0) + 1;
          }
          if (!ok) firstError ??= `status ${response.status}: ${text.slice(0, 200)}`;
        } catch (error) {
          firstError ??= String(error);
        }
        completed += 1;
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) {
          if (ok) samples.push(t1 - t0);
          else errors += 1;
        }
      }
    }),
  );
  return { samples, errors, completed, firstError, tally, clientBusy: performance.eventLoopUtilization(elu).utilization };
}

if (parentPort) {
  const port = parentPort;
  void run(workerData).then((outcome) => port.postMessage(outcome));
}
