/** Something a UI suite starts and must stop again: a workbench, a local server. */
interface Closable {
  close(): Promise<void>;
}

/**
 * Registers an after hook in the calling suite that closes what each getter
 * returns, one after the other in the order given; a getter returns
 * undefined for a part that never started.
 */
export function closeAfterAll(...parts: (() => Closable | undefined)[]): void {
  after(async () => {
    for (const part of parts) {
      await part()?.close();
    }
  });
}
