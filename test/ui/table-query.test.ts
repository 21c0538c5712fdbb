import { describe, expect, it } from 'vitest';
import { fold, matches, sortBy } from '../../src-renderer/components/table-query.js';

/** The lists' search and sort, as a clerk types and reads them. */

describe('list search', () => {
  it('matches every word anywhere, in any case, full-width letters and digits as ordinary ones', () => {
    expect(matches('WX2025-004 无锡华光新能源装备有限公司 孙志强', 'wx2025 华光')).toBe(true);
    expect(matches('WX2025-004 无锡华光新能源装备有限公司', '\uff37\uff38\uff12\uff10\uff12\uff15')).toBe(true);
    expect(matches('WX2025-004 无锡华光', '华光\u3000004')).toBe(true);
    expect(matches('WX2025-004 无锡华光', '华光 005')).toBe(false);
    expect(matches('anything', '   ')).toBe(true);
    expect(fold('\uff21\uff42')).toBe('ab');
  });
});

describe('list sort', () => {
  const rows = [
    { code: 'WX2025-10', name: '张伟', score: 512.5 },
    { code: 'WX2025-9', name: '李娜', score: null },
    { code: 'WX2025-2', name: '王芳', score: 630 },
    { code: 'WX2025-1', name: '陈静', score: 512.5 },
  ];

  it('orders codes by their numbers and Chinese names by pinyin', () => {
    expect(sortBy(rows, (r) => r.code, 'asc').map((r) => r.code)).toEqual(['WX2025-1', 'WX2025-2', 'WX2025-9', 'WX2025-10']);
    expect(sortBy(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual(['陈静', '李娜', '王芳', '张伟']);
    expect(sortBy(rows, (r) => r.code, 'desc').map((r) => r.code)).toEqual(['WX2025-10', 'WX2025-9', 'WX2025-2', 'WX2025-1']);
  });

  it('puts empty values last either way and keeps ties in their order', () => {
    expect(sortBy(rows, (r) => r.score, 'desc').map((r) => r.code)).toEqual(['WX2025-2', 'WX2025-10', 'WX2025-1', 'WX2025-9']);
    expect(sortBy(rows, (r) => r.score, 'asc').map((r) => r.code)).toEqual(['WX2025-10', 'WX2025-1', 'WX2025-2', 'WX2025-9']);
  });
});
