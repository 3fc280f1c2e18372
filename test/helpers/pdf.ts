/**
 * A one-page PDF with a text layer, written by hand (no PDF library): Helvetica lines from the top, the
 * given size each, and an info dictionary. Enough for pdf.js to read text, positions and metadata.
 */
export function makePdf(
  lines: { text: string; size?: number }[],
  info: { title?: string; author?: string } = {},
): Buffer {
  const esc = (s: string) => s.replace(/[()\\]/g, '\\$&');
  let y = 740;
  const ops = lines.map((l) => {
    const size = l.size ?? 11;
    y -= size * 1.5;
    return `BT /F1 ${size} Tf 72 ${y} Td (${esc(l.text)}) Tj ET`;
  });
  const content = ops.join('\n');
  const infoDict = [
    info.title ? `/Title (${esc(info.title)})` : '',
    info.author ? `/Author (${esc(info.author)})` : '',
    '/CreationDate (D:20260301093000Z)',
  ].join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< ${infoDict} >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
