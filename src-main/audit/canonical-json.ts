/**
 * JSON with object keys sorted, so the same value always hashes the same. Only plain JSON values
 * are accepted: anything JSON.stringify would silently drop or distort (undefined in arrays,
 * NaN, functions, bigint, class instances) is an error, because the entry would not read back
 * to the bytes that were hashed.
 */
export function canonicalJson(value: unknown): string {
  try {
    return fast(value);
  } catch {
    // the same walk again, keeping the path, to say where the value that cannot be hashed is
    return encode(value, '$');
  }
}

class NotJson extends Error {}

/**
 * The encoding without the paths: an intake hashes every entry of every bundle's log, and
 * building a path for each value cost more than the encoding itself. Throws at the first value
 * that is not plain JSON; encode() then finds and names it.
 */
function fast(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new NotJson();
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + fast(v[i]);
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new NotJson();
      const rec = v as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const k of Object.keys(rec).sort()) {
        const x = rec[k];
        if (x === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(k)}:${fast(x)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new NotJson();
  }
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
