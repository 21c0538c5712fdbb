import { createHash } from 'node:crypto';
import type { ReportInput } from './types.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined members left out (as
 * JSON.stringify does), arrays in their order. The same data gives the same bytes whichever
 * order a service happened to build its objects in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`canonical JSON has no form for ${value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** SHA-256 (hex) of the report's input: printed on every page to match paper to data. */
export function reportFingerprint(input: ReportInput): string {
  return createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex');
}

export function shortFingerprint(hex: string): string {
  return hex.slice(0, 16);
}
