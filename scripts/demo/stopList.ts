/**
 * What one `npm start` run has started, stopped together, newest first, on
 * Ctrl-C, SIGTERM, an error or the editor's exit. Something added after the
 * stop began is stopped at once, and {@link StopList.stopAll} waits for it
 * too, so a step that finishes during the shutdown leaves nothing behind.
 */
export class StopList {
  private readonly stops: { name: string; stop: () => Promise<void> | void }[] = [];
  private chain: Promise<void> | undefined;

  /** True once {@link stopAll} was called. */
  get isStopping(): boolean {
    return this.chain !== undefined;
  }

  /** Registers how to stop something that was started; `name` appears in warnings. */
  add(name: string, stop: () => Promise<void> | void): void {
    if (this.chain) {
      this.chain = this.chain.then(() => stopOne(name, stop));
    } else {
      this.stops.push({ name, stop });
    }
  }

  /** Stops everything registered, newest first; never rejects. Every call settles once all is stopped. */
  async stopAll(): Promise<void> {
    this.chain ??= (async () => {
      for (const { name, stop } of this.stops.splice(0).reverse()) {
        await stopOne(name, stop);
      }
    })();
    let awaited: Promise<void> | undefined;
    while (awaited !== this.chain) {
      awaited = this.chain;
      await awaited;
    }
  }
}

async function stopOne(name: string, stop: () => Promise<void> | void): Promise<void> {
  try {
    await stop();
  } catch (error) {
    console.error(`warning: could not stop ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
