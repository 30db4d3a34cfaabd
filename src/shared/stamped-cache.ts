/**
 * A bounded read cache whose entries stay valid only while their stamp — a version or revision the
 * caller has just read from the database — is unchanged. Every read still asks the database for the
 * stamp, so writes from other instances or the CLI are seen at once; only the heavy part is skipped.
 */
export class StampedCache<V> {
  readonly #entries = new Map<string, { stamp: number; value: V }>();

  constructor(private readonly max: number) {}

  get(key: string, stamp: number): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.stamp !== stamp) {
      this.#entries.delete(key);
      return undefined;
    }
    // Re-insert so the Map's order doubles as least-recently-used order.
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.value;
  }

  set(key: string, stamp: number, value: V): void {
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { stamp, value });
  }
}

const caches = new WeakMap<object, Map<string, StampedCache<unknown>>>();

/** The named cache belonging to one database handle (ids mean nothing across databases). */
export function stampedCacheFor<V>(db: object, name: string, max: number): StampedCache<V> {
  let named = caches.get(db);
  if (!named) caches.set(db, (named = new Map()));
  let cache = named.get(name);
  if (!cache) named.set(name, (cache = new StampedCache<unknown>(max)));
  return cache as StampedCache<V>;
}
