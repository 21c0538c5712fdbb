/**
 * A page as a scanner makes it: one black-and-white image in CCITT Group 4 (the fax coding most
 * scanned documents use), which pdf.js decodes with a decoder loaded at run time. Built by hand:
 * a 64×64 image, white with a black square from 16 to 48, drawn 400 pt wide in the middle of an
 * A4 page.
 */

// T.4 codes: V0 (the change where the reference line has it), pass, horizontal + white 16 + black 32
const V0 = '1';
const PASS = '0001';
const HORIZONTAL_W16_B32 = '001' + '101010' + '000001101010';
const END_OF_BLOCK = '000000000001'.repeat(2);

function squareG4(): Buffer {
  let bits = '';
  for (let row = 0; row < 64; row++) {
    if (row < 16 || row > 48) bits += V0;
    else if (row === 16) bits += HORIZONTAL_W16_B32 + V0;
    else if (row < 48) bits += V0.repeat(3);
    else bits += PASS + V0;
  }
  bits += END_OF_BLOCK;
  bits += '0'.repeat((8 - (bits.length % 8)) % 8);
  return Buffer.from(Array.from({ length: bits.length / 8 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
}

export function scannedPdf(): Buffer {
  const image = squareG4();
  const content = 'q 400 0 0 400 97 300 cm /Im0 Do Q';
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>'),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 /Rows 64 >> /Length ${image.length} >>\nstream\n`),
      image,
      Buffer.from('\nendstream'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), object, Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
