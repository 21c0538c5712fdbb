import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMinuteInZone } from '../../src-renderer/format/datetime.js';

describe('dates in tables', () => {
  const local = new Date(2026, 10, 3, 9, 5).toISOString();

  it('reads 2026-11-03 09:05 in Chinese, whatever the browser locale', () => {
    expect(formatDateTime(local, 'zh')).toBe('2026-11-03 09:05');
  });

  it('reads 3 Nov 2026, 09:05 in English', () => {
    expect(formatDateTime(local, 'en')).toBe('3 Nov 2026, 09:05');
  });

  it('shows a value that is not a date as it came, rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'zh')).toBe('not a date');
  });
});

describe('the minute in a time zone', () => {
  it('is Beijing time whatever zone the machine is set to', () => {
    expect(formatMinuteInZone(new Date('2026-12-01T06:05:59Z'), 'Asia/Shanghai')).toBe('2026-12-01 14:05');
  });

  it('turns the date at midnight, on 24-hour time', () => {
    expect(formatMinuteInZone(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01 00:00');
  });
});
