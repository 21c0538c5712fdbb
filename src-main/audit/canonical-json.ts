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
 * Each key as it is written (quoted, with its colon): a log repeats the same few keys in every
 * entry, and quoting them again was a third of the encoding. Bounded, since a bundle's details
 * are the sender's to choose.
 */
const keyText = new Map<string, string>();
const KEYS_KEPT = 1024;

function keyOf(k: string): string {
  let text = keyText.get(k);
  if (text === undefined) {
    text = `${JSON.stringify(k)}:`;
    if (keyText.size < KEYS_KEPT) keyText.set(k, text);
  }
  return text;
}

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
        out += (first ? '' : ',') + keyOf(k) + fast(x);
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
