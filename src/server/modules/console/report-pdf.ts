/**
 * The council report as PDF (pdfkit): the same figures as the console and the CSV — already suppressed
 * ("<5") — with a bar chart per section drawn from the same geometry as the console's SVG
 * (src/core/accountability/chart.ts). Standard PDF fonts (Helvetica) cover Dutch text.
 */
import PDFDocument from 'pdfkit';
import { barChart } from '../../../core/accountability/chart.ts';
import type { CouncilReport, ReportSection } from '../../../core/accountability/council-report.ts';

const MARGIN = 50;
const BLUE = '#154273';
const GREY = '#595959';

function chartData(s: ReportSection) {
  const col = s.chart;
  if (!col) return null;
  return s.rows
    .filter((r) => r.key !== 'total')
    .map((r) => {
      const cell = r.cells.find((c) => c.column === col)!;
      return { key: r.key, label: r.label, value: cell.shown.value, display: cell.shown.label };
    });
}

export async function councilReportPdf(r: CouncilReport, lang: 'nl' | 'en' = 'nl'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: r.title, Author: r.municipality, Subject: `${r.period.from} – ${r.period.to}` }, lang: lang === 'nl' ? 'nl-NL' : 'en-GB' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(18).text(r.title);
  doc.moveDown(0.3).fillColor('black').font('Helvetica').fontSize(11).text(`${r.municipality} · ${r.period.from} – ${r.period.to}`);
  doc.fillColor(GREY).fontSize(9).text(`${lang === 'nl' ? 'Regelcatalogus' : 'Rules catalogue'} ${r.catalogueVersion} · ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`);
  doc.moveDown(0.6).fillColor('black').fontSize(10).text(r.intro, { width });

  for (const s of r.sections) {
    if (doc.y > doc.page.height - 220) doc.addPage();
    doc.moveDown(1).fillColor(BLUE).font('Helvetica-Bold').fontSize(13).text(s.title, { width });
    doc.fillColor('black').font('Helvetica').fontSize(10);
    if (s.status === 'not_recorded') {
      doc.moveDown(0.3).fillColor(GREY).text(s.note ?? '', { width }).fillColor('black');
      continue;
    }
    // The table: label, then one column per figure.
    const labelW = width * 0.55;
    const colW = (width - labelW) / Math.max(1, s.columns.length);
    let y = doc.y + 6;
    doc.font('Helvetica-Bold');
    s.columns.forEach((c, i) => doc.text(c.label, MARGIN + labelW + i * colW, y, { width: colW, align: 'right' }));
    doc.font('Helvetica');
    y += 16;
    for (const row of s.rows) {
      if (y > doc.page.height - 80) {
        doc.addPage();
        y = MARGIN;
      }
      const bold = row.key === 'total';
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(row.label, MARGIN, y, { width: labelW - 8 });
      const rowH = Math.max(14, doc.heightOfString(row.label, { width: labelW - 8 }));
      s.columns.forEach((c, i) => {
        const cell = row.cells.find((x) => x.column === c.key);
        doc.text(cell?.shown.label ?? '', MARGIN + labelW + i * colW, y, { width: colW, align: 'right' });
      });
      y += rowH + 3;
    }
    doc.font('Helvetica');
    doc.x = MARGIN;
    doc.y = y;
    const data = chartData(s);
    if (data && data.length > 0) {
      const chart = barChart(data, { width, labelWidth: 180, barHeight: 12, gap: 6 });
      if (doc.y + chart.height + 20 > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y + 8;
      doc.fontSize(8);
      for (const b of chart.bars) {
        doc.fillColor('black').text(b.label, MARGIN, top + b.y + 2, { width: chart.labelWidth - 8, height: 12, ellipsis: true, lineBreak: false });
        if (b.suppressed) doc.rect(MARGIN + b.x, top + b.y, b.width, b.height).lineWidth(0.8).strokeColor(GREY).stroke();
        else if (b.width > 0) doc.rect(MARGIN + b.x, top + b.y, b.width, b.height).fillColor(BLUE).fill();
        doc.fillColor(GREY).text(b.display, MARGIN + b.valueX, top + b.y + 2, { lineBreak: false });
      }
      doc.fontSize(10).fillColor('black');
      doc.x = MARGIN;
      doc.y = top + chart.height + 6;
    }
  }

  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(1).fillColor(BLUE).font('Helvetica-Bold').fontSize(13).text(lang === 'nl' ? 'Integriteit van het verwerkingslogboek' : 'Integrity of the processing log', MARGIN);
  doc.fillColor('black').font('Helvetica').fontSize(9);
  for (const line of r.integrity.lines) doc.moveDown(0.2).text(line, { width });
  doc.end();
  return done;
}
