/**
 * JSON with object keys sorted, so the same value always hashes the same. Only plain JSON values
 * are accepted: anything JSON.stringify would silently drop or distort (undefined in arrays,
 * NaN, functions, bigint, class instances) is an error, because the entry would not read back
 * to the bytes that were hashed.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${path}: ${v} is not representable in JSON`);
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => encode(x, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`${path}: only plain objects can be hashed, got ${proto?.constructor?.name ?? 'unknown'}`);
      }
      const rec = v as Record<string, unknown>;
      const parts = Object.keys(rec)
        .filter((k) => rec[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${encode(rec[k], `${path}.${k}`)}`);
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof v} is not representable in JSON`);
  }
}
