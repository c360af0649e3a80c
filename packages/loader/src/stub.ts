/**
 * An inert stand-in for a module that cannot load here (it needs secrets, environment variables or
 * servers). Every property, call and construction gives the stub back, so code that only keeps a
 * reference at import time loads; it is not a thenable and iterates as empty.
 */
export function createStub(name: string): unknown {
  const label = `[oto stub of ${name}]`;
  const target = function stub() {};
  const stub: object = new Proxy(target, {
    get(_target, key) {
      if (key === '__esModule') return true;
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => label;
      if (key === Symbol.iterator) return function* empty() {};
      if (key === Symbol.toStringTag) return label;
      if (key === 'toString' || key === 'valueOf') return () => label;
      return stub;
    },
    apply: () => stub,
    construct: () => stub,
    set: () => true,
  });
  return stub;
}
