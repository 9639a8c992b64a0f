/**
 * The notice to the resident as a PDF letter (R4.3): the same text as GET …/notice, laid out as a letter
 * with pdfkit's built-in Helvetica (no font files, no external resources). Pure rendering: the text comes
 * from the gate-bound repository; nothing here reads data.
 */
import PDFDocument from 'pdfkit';
import type { NoticeView } from '../../../data/index.ts';

export function noticePdf(n: NoticeView): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 64, left: 72, right: 72 },
      info: { Title: n.title, Author: n.municipality, Subject: n.reference, Creator: 'Zorgvuldig' },
      lang: n.lang === 'nl' ? 'nl-NL' : 'en-GB',
      pdfVersion: '1.7',
      tagged: true,
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(14).text(n.municipality);
    doc.moveDown(2);
    doc.font('Helvetica').fontSize(11).text(n.addressee);
    for (const line of n.addressLines) doc.text(line);
    doc.moveDown(2);
    doc.fontSize(10).text(`${n.lang === 'nl' ? 'Datum' : 'Date'}: ${n.date}`);
    doc.text(`${n.lang === 'nl' ? 'Kenmerk' : 'Reference'}: ${n.reference}`);
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(13).text(n.title);
    doc.moveDown();
    doc.font('Helvetica').fontSize(11).text(n.salutation);
    doc.moveDown(0.5);
    for (const p of n.paragraphs) {
      doc.text(p, { align: 'left' });
      doc.moveDown(0.6);
    }
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text(n.rightsTitle);
    doc.moveDown(0.3);
    doc.font('Helvetica').list(n.rights, { bulletRadius: 2, textIndent: 12 });
    doc.moveDown();
    doc.text(n.closing);
    doc.moveDown(2);
    doc.text(n.lang === 'nl' ? 'Met vriendelijke groet,' : 'Kind regards,');
    doc.moveDown(0.5);
    doc.text(n.sender);
    doc.text(n.municipality);
    doc.end();
  });
}
