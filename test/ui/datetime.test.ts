import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, formatDay, formatDateTime, formatMinuteInZone, formatTimeInZone } from '../../src-renderer/format/datetime.js';

/** Every time a screen shows is in the edition's zone (Beijing time by default), never the machine's. */

const machineZone = process.env.TZ;
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('dates in tables', () => {
  // 01:05 UTC is 09:05 in Beijing
  const stored = '2026-11-03T01:05:00.000Z';

  it('reads 2026-11-03 09:05 in Chinese, Beijing time, whatever the browser locale', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(formatDateTime(stored, 'zh')).toBe('2026-11-03 09:05');
  });

  it('reads 3 Nov 2026, 09:05 in English', () => {
    expect(formatDateTime(stored, 'en')).toBe('3 Nov 2026, 09:05');
  });

  it('is the same on a machine set to another zone', () => {
    for (const zone of ['America/Los_Angeles', 'Europe/Berlin', 'UTC']) {
      process.env.TZ = zone;
      expect(formatDateTime(stored, 'zh')).toBe('2026-11-03 09:05');
      expect(formatTimeInZone(new Date(stored))).toBe('09:05:00');
    }
  });

  it('takes another zone where one is given', () => {
    expect(formatDateTime(stored, 'zh', 'Europe/Berlin')).toBe('2026-11-03 02:05');
    expect(formatDateTime('2026-12-31T16:30:00Z', 'en')).toBe('1 Jan 2027, 00:30');
  });

  it('shows a value that is not a date as it came, rather than "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'zh')).toBe('not a date');
  });
});

describe('the minute in a time zone', () => {
  it('is Beijing time whatever zone the machine is set to', () => {
    expect(formatMinuteInZone(new Date('2026-12-01T06:05:59Z'), 'Asia/Shanghai')).toBe('2026-12-01 14:05');
    expect(formatMinuteInZone(new Date('2026-12-01T06:05:59Z'))).toBe('2026-12-01 14:05');
  });

  it('turns the date at midnight, on 24-hour time', () => {
    expect(formatMinuteInZone(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01 00:00');
    expect(formatTimeInZone(new Date('2026-12-31T16:00:07Z'))).toBe('00:00:07');
  });
});

describe('a calendar date', () => {
  it('reads as a Chinese reader writes it, without leading zeros, and as an English one does', () => {
    expect(formatDay('2022-05-01', 'zh')).toBe('2022年5月1日');
    expect(formatDay('2022-11-30', 'en')).toBe('30 Nov 2022');
    expect(formatDay('somewhen', 'zh')).toBe('somewhen');
  });
});
