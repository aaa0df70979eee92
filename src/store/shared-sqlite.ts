import { SqlStateStore } from './sql/state-store.ts';
import { SqliteDriver } from './sqlite/driver.ts';
import type { StateStore } from './state.ts';
import { Store } from './store.ts';

const over = new WeakMap<Store, StateStore>();

/**
 * The async state store on the connection of a synchronous `Store` (same file, same rows), for code
 * already moved to StateStore while the adapters still hold a `Store`. Closing stays the Store's job.
 * Given a StateStore, returns it. Goes away once the adapters hold a StateStore themselves.
 */
export function stateStoreOf(store: Store | StateStore): StateStore {
  if (!(store instanceof Store)) return store;
  let state = over.get(store);
  if (!state) {
    const driver = new SqliteDriver(store.db);
    state = new SqlStateStore({
      dialect: driver.dialect,
      query: (sql, params) => driver.query(sql, params),
      transaction: (work) => driver.transaction(work),
      close: async () => undefined,
    });
    over.set(store, state);
  }
  return state;
}
