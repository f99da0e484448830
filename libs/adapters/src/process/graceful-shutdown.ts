/**
 * On SIGTERM or SIGINT: close the application (HTTP server drains; BullMQ workers stop taking jobs and wait for
 * the running ones), then exit 0. A second signal, or the grace period running out, exits at once with 1.
 */
export function closeGracefullyOnSignals(
  close: () => Promise<void>,
  log: (message: string) => void,
  graceMs = 30_000,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    log(`${signal} received: finishing running work, then exiting`);
    const timer = setTimeout(() => {
      log(`Still busy after ${graceMs} ms: exiting`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`Shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
