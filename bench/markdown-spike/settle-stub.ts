// settle-bench.mjs bundles this in place of spec/settle-engine.ts to measure the streaming parser alone.
export class SettleEngine {
  settle(): void {}
  finish(): void {}
  async idle(): Promise<void> {}
}
