// One small store: the app's shared state and who listens to it.

/** A store over `initial`; `set` merges a patch and notifies subscribers. */
export function createStore(initial) {
  let state = initial;
  const subscribers = new Set();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const fn of subscribers) fn(state, previous);
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}
