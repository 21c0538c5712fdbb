import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UploadSchema } from '../../../src-main/domain/files.js';
import { validate } from '../../../src-main/domain/reasons.js';

describe('messages name fields as the forms do, never by their internal path', () => {
  it('says which file of a list, not files.2.fileName', () => {
    const r = validate(z.strictObject({ files: z.array(UploadSchema) }), { files: [{ fileName: 'a.pdf', bytes: new Uint8Array([1]) }, { fileName: 'b.pdf' }] }, 'form');
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.reasons.map((x) => `${x.zh} ${x.en}`).join(' ');
    expect(text).toContain('第 2 项的文件内容：缺少，请重新选择文件');
    expect(text).not.toMatch(/files\.\d|fileName|bytes/);
  });
});
