/**
 * The JSON form of contract values for browser mode, where a call travels as text over HTTP.
 * Bytes (materials, packages, bundles) become `{ "$bytes": base64 }`; everything else is plain
 * JSON. Electron's IPC clones Uint8Array natively and never uses this. Pure: runs in Node and in
 * the renderer alike.
 */

const BYTES_KEY = '$bytes';

function toBase64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  if (typeof Buffer !== 'undefined') {
    const buf = Buffer.from(text, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_KEY]: toBase64(value) };
  if (Array.isArray(value)) return value.map(toWire);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

/** Keys that would reach an object's prototype rather than the object: dropped on the way in. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const encoded = value[BYTES_KEY];
    if (keys.length === 1 && typeof encoded === 'string') return fromBase64(encoded);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!UNSAFE_KEYS.has(k)) out[k] = fromWire(v);
    return out;
  }
  return value;
}
