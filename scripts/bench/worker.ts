import { setTimeout as pause } from 'node:timers/promises';
import { CHROMIUM_MISSING, chromiumPath, launchWithExtension, stopServiceWorkers } from '../../tests/e2e/harness';
import { printTable, type Figures, type Part } from '../lib/report';
import { median } from '../lib/stats';

/**
 * The background worker's start, in Chromium with the built extension. The browser stops an idle
 * extension's worker after 30 s and starts it again for the next page visited or popup opened, so its
 * start is paid over and over: from the worker's time origin to the end of its script
 * (`paperlens:worker-ready`, marked by entrypoints/background.ts), over RUNS starts.
 */
const RUNS = 15;
const READY_MARK = 'paperlens:worker-ready';

const part: Part = {
  title: 'Background worker start (Chromium, built extension)',
  async run(): Promise<Figures> {
    if (!chromiumPath()) {
      console.log(`skipped: ${CHROMIUM_MISSING}`);
      return {};
    }
    const session = await launchWithExtension();
    try {
      const page = await session.context.newPage();
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      const starts: number[] = [];
      let lastOrigin = 0;
      for (let run = 0; run < RUNS; run++) {
        await stopServiceWorkers(session.context);
        await pause(1000);
        await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${session.extensionId}/` });
        // Playwright keeps one handle for the extension's worker across restarts.
        const { origin, readyAt } = await session.worker.evaluate((mark) => ({ origin: performance.timeOrigin, readyAt: performance.getEntriesByName(mark)[0]?.startTime ?? NaN }), READY_MARK);
        // A start counts only if it is a new worker that ran its script to the end.
        if (origin !== lastOrigin && Number.isFinite(readyAt)) starts.push(readyAt);
        lastOrigin = origin;
      }
      if (!starts.length) throw new Error(`the worker never reported ${READY_MARK} after a restart`);
      printTable([{ measure: `worker start → its script run (ms, ${starts.length} starts)`, median: median(starts), min: Math.min(...starts), max: Math.max(...starts) }]);
      return { worker_ready_ms: Number(median(starts).toFixed(1)), worker_ready_min_ms: Number(Math.min(...starts).toFixed(1)) };
    } finally {
      await session.close();
    }
  },
};

export default part;
