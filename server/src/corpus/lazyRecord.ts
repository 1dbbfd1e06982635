/** A record whose entries are computed on first use, for data kept per topic but rarely read. */

/**
 * Looks and behaves like the record `compute(data)` returns (keys, values, spreading, JSON), but
 * calls it only when the record is first touched. Copying the reference (e.g. `{ ...topic }`) does
 * not touch it. Used for the field ranges of topic pages: ~100,000 range objects in a 10,000-page
 * corpus that only authoring features read. `compute` should be one shared function and `data`
 * compact: they are what is kept per record until then.
 */
export function fillOnFirstUse<T extends object, D>(compute: (data: D) => T, data: D): T {
  return new Proxy({} as T, new FillOnFirstUse(compute, data));
}

class FillOnFirstUse<T extends object, D> implements ProxyHandler<T> {
  constructor(private compute: ((data: D) => T) | undefined, private data: D | undefined) {}

  private fill(target: T): T {
    if (this.compute) {
      Object.assign(target, this.compute(this.data!));
      this.compute = undefined;
      this.data = undefined;
    }
    return target;
  }

  get(target: T, key: string | symbol, receiver: unknown) {
    return Reflect.get(this.fill(target), key, receiver);
  }

  has(target: T, key: string | symbol) {
    return Reflect.has(this.fill(target), key);
  }

  ownKeys(target: T) {
    return Reflect.ownKeys(this.fill(target));
  }

  getOwnPropertyDescriptor(target: T, key: string | symbol) {
    return Reflect.getOwnPropertyDescriptor(this.fill(target), key);
  }

  set(target: T, key: string | symbol, value: unknown, receiver: unknown) {
    return Reflect.set(this.fill(target), key, value, receiver);
  }

  defineProperty(target: T, key: string | symbol, descriptor: PropertyDescriptor) {
    return Reflect.defineProperty(this.fill(target), key, descriptor);
  }

  deleteProperty(target: T, key: string | symbol) {
    return Reflect.deleteProperty(this.fill(target), key);
  }
}
