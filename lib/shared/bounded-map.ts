/**
 * A Map that keeps at most `limit` entries, the one written longest ago forgotten first: a process's
 * memory of values it can always work out again (a decoded token, a PDF's size), bounded whatever
 * the traffic.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    this.delete(key);
    if (this.size >= this.limit) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
