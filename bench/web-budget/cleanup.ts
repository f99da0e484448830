/**
 * What the bench has started, undone in reverse order: every step runs even when an earlier one throws, and
 * each failure is reported, so a crash halfway still drops the database and kills Chrome.
 */
export class Cleanup {
  private readonly steps: Array<{ readonly label: string; readonly run: () => Promise<unknown> }> = [];
  private done: Promise<void> | null = null;

  add(label: string, run: () => Promise<unknown>): void {
    this.steps.push({ label, run });
  }

  /** Runs once; a second call (a signal during the first) waits for the first. */
  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`Cleanup: ${step.label} failed:`, error);
          process.exitCode = 1;
        }
      }
    })();
    return this.done;
  }
}
