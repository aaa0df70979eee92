import type { DigestStore, StateStore } from '../../src/store/state.ts';
import { createTestState, type TestState } from '../store/test-store.ts';

/** A state store on this run's engine (tests/store/test-store.ts) that a test can close and reopen (a restart). */
export class TempStore {
  private constructor(
    private readonly state: TestState,
    public store: StateStore,
  ) {}

  static async create(): Promise<TempStore> {
    const state = await createTestState({ prefix: 'gomez-digest-' });
    return new TempStore(state, await state.open());
  }

  get subscriptions(): DigestStore {
    return this.store.digests;
  }

  async restart(): Promise<void> {
    await this.store.close();
    this.store = await this.state.open();
  }

  dispose(): Promise<void> {
    return this.state.dispose();
  }
}
