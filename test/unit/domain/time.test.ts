import { describe, expect, it } from 'vitest';
import { validate } from '../../../src-main/domain/reasons.js';
import { editionTimeZone, formatDate, formatDateTime, formatStamp, isTimeZone, timeZoneName } from '../../../src-main/domain/time.js';
import { EditionSettingsSchema } from '../../../src-main/profile/settings.js';

const at = '2025-05-20T17:15:00.000Z';

describe("times are read in the edition's zone, whatever the machine's", () => {
  it('defaults to China Standard Time', () => {
    expect(formatDateTime(at, 'zh')).toBe('2025年5月21日 01:15');
    expect(formatDate(at, 'en')).toBe('2025-05-21');
    expect(formatStamp(at)).toBe('2025-05-21 01:15');
    expect(timeZoneName().zh).toBe('北京时间');
    expect(editionTimeZone({})).toBe('Asia/Shanghai');
  });

  it('follows another zone, daylight saving included', () => {
    expect(formatStamp(at, 'Asia/Urumqi')).toBe('2025-05-20 23:15');
    expect(formatStamp(at, 'Europe/Berlin')).toBe('2025-05-20 19:15');
    expect(formatStamp('2025-01-20T17:15:00.000Z', 'Europe/Berlin')).toBe('2025-01-20 18:15');
    expect(editionTimeZone({ timeZone: 'Asia/Urumqi' })).toBe('Asia/Urumqi');
  });

  it('knows a zone name from a typo, and the settings refuse the typo in plain words', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
    const refused = validate(EditionSettingsSchema, { timeZone: 'Asia/Shangai' });
    expect(refused).toEqual({ ok: false, reasons: [{ zh: '时区：“Asia/Shangai”不是时区名称：应如 Asia/Shanghai', en: 'time zone: "Asia/Shangai" is not a time zone name: use one like Asia/Shanghai' }] });
  });
});
