/**
 * Readable PDFs for the resident: the full access export (AVG art. 15(3): "a copy of the personal data
 * undergoing processing", with the AVG 15(1) information and the processing log) and the outcome letter
 * of a complaint (Awb art. 9:12). pdfkit's built-in Helvetica, tagged PDF, no external resources. Pure
 * rendering: every value comes from the gate-bound repository; nothing here reads data.
 */
import PDFDocument from 'pdfkit';
import type { FullExport, Letter } from '../../../data/index.ts';

type Doc = InstanceType<typeof PDFDocument>;

function render(title: string, author: string, draw: (doc: Doc) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 60, bottom: 60, left: 64, right: 64 },
      info: { Title: title, Author: author, Creator: 'Zorgvuldig' },
      lang: 'nl-NL',
      pdfVersion: '1.7',
      tagged: true,
      displayTitle: true,
      bufferPages: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      // Page numbers, so a printed copy can be checked for completeness.
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`${title} — pagina ${i + 1} van ${range.count}`, 64, doc.page.height - 40, { align: 'center', width: doc.page.width - 128 });
        doc.page.margins.bottom = bottom;
      }
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}

const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
const DATETIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function day(iso: string | null): string {
  if (!iso) return '—';
  return DATE.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(text);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
}

function field(doc: Doc, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
  doc.font('Helvetica').text(value);
}

const STATUS_NL: Record<string, string> = {
  received: 'ontvangen', acknowledged: 'ontvangst bevestigd', in_progress: 'in behandeling', in_treatment: 'in behandeling',
  decided: 'afgehandeld', not_handled: 'niet in behandeling genomen', withdrawn: 'ingetrokken',
  registered: 'aangemeld', triaged: 'beoordeeld', closed: 'afgesloten',
};
const KIND_NL: Record<string, string> = { access: 'Inzage', rectification: 'Verbetering', restriction: 'Beperking', objection: 'Bezwaar', erasure: 'Verwijdering' };

function actorText(e: FullExport['accessLog']['entries'][number]): string {
  const a = e.actor;
  if (a.kind === 'professional') return [a.name, a.functionTitle, a.organisation].filter(Boolean).join(', ') || 'Medewerker';
  if (a.kind === 'subject') return a.isViewer ? 'U zelf' : 'De persoon zelf';
  if (a.kind === 'representative') return a.isViewer ? 'U (als vertegenwoordiger)' : `Vertegenwoordiger${a.name ? ` ${a.name}` : ''}`;
  return 'Het systeem';
}

function purposeText(e: FullExport['accessLog']['entries'][number]): string {
  const p = e.purpose;
  if (p.kind === 'help_request') return [p.helpRequestReference, p.task?.nl].filter(Boolean).join(' — ') || 'Hulpvraag';
  if (p.kind === 'portal') return 'Mijn gegevens (portaal)';
  if (p.kind === 'oversight') return 'Toezicht of klachtbehandeling';
  return p.activity ?? 'Systeem';
}

export function exportPdf(x: FullExport): Promise<Buffer> {
  const title = 'Inzage in uw gegevens';
  return render(title, x.controller, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(title);
    doc.font('Helvetica').fontSize(10).moveDown(0.4);
    field(doc, 'Verwerkingsverantwoordelijke', x.controller);
    field(doc, 'Over', x.subject.displayName ?? '—');
    field(doc, 'Gemaakt op', DATETIME.format(new Date(x.generatedAt)));
    doc.moveDown(0.4);
    doc.text('Dit overzicht bevat alle gegevens die de gemeente over u verwerkt en die u mag inzien, met de bron en het doel, en wie uw gegevens wanneer heeft bekeken (AVG artikel 15). Een computerleesbare versie (JSON) kunt u downloaden in Mijn gegevens.');

    const me = x.file.me;
    heading(doc, 'Over u');
    if (me.identity) {
      field(doc, 'Naam', me.identity.displayName);
      field(doc, 'Geboortedatum', day(me.identity.birthDate));
    }
    if (me.address) field(doc, 'Adres', [me.address.street, me.address.houseNumber, me.address.houseLetter, me.address.houseNumberAddition].filter((v) => v !== null && v !== '').join(' ') + `, ${me.address.postcode ?? ''} ${me.address.city ?? ''}`);
    if (me.contact) field(doc, 'Contact', [me.contact.phone, me.contact.email].filter(Boolean).join(', ') || '—');
    if (me.bsnMasked) field(doc, 'BSN', me.bsnMasked);

    heading(doc, 'Uw hulpvragen');
    if (x.file.helpRequests.length === 0) doc.text('Geen.');
    for (const h of x.file.helpRequests) doc.text(`${h.reference} — ${h.task.nl} (${STATUS_NL[h.status] ?? h.status}), aangemeld op ${day(h.registeredAt)}${h.summary ? `: ${h.summary}` : ''}`);

    for (const p of x.file.plans) {
      heading(doc, 'Ondersteuningsplan van uw huishouden');
      if (p.director) field(doc, 'Regisseur', p.director.displayName);
      for (const g of p.goals) doc.text(`• ${g.lifeDomain}: ${g.description}${g.score !== null ? ` (score ${g.score}, doel ${g.targetScore ?? '—'})` : ''}`);
      for (const s of p.partners) doc.text(`• ${s.organisation}: ${s.description}, sinds ${day(s.since)}; ziet: ${s.dataCategories.map((c) => c.nl).join(', ')}`);
    }

    heading(doc, 'Gegevens over u, per soort');
    if (x.file.categories.length === 0) doc.text('Geen.');
    for (const c of x.file.categories) {
      doc.moveDown(0.3).font('Helvetica-Bold').text(c.category.nl).font('Helvetica');
      for (const i of c.items) {
        doc.text(`${i.value}`, { indent: 10 });
        doc.fillColor('#444444').text(`Bron: ${i.source.nl}. Doel: ${i.purpose.reference} — ${i.purpose.task.nl}. Grondslag: ${i.legalBasis}. Vastgelegd op ${day(i.recordedAt)}${i.recordedBy ? ` door ${i.recordedBy}` : ''}${i.retention ? `. Bewaartermijn: ${i.retention.nl}` : ''}.`, { indent: 10 });
        doc.fillColor('#000000').moveDown(0.2);
      }
    }
    if (x.file.withheld.length > 0) {
      heading(doc, 'Niet getoond');
      for (const w of x.file.withheld) doc.text(`${w.reason.nl}${w.categories.length ? ` (${w.categories.map((c) => c.nl).join(', ')})` : ''}. Sinds ${day(w.since)}; wij kijken uiterlijk ${day(w.reviewOn)} opnieuw of dit nog nodig is.`);
    }

    heading(doc, 'Uw toestemmingen');
    if (x.consents.length === 0) doc.text('Geen.');
    for (const c of x.consents) doc.text(`${c.purpose} — ${c.categories.map((k) => k.nl).join(', ')}${c.recipient ? `, aan ${c.recipient}` : ''}; gegeven op ${day(c.givenAt)}${c.withdrawnAt ? `, ingetrokken op ${day(c.withdrawnAt)}` : ''}.`);

    heading(doc, 'Uw verzoeken en klachten');
    if (x.rightsRequests.length + x.complaints.length === 0) doc.text('Geen.');
    for (const r of x.rightsRequests) doc.text(`${r.reference} — ${KIND_NL[r.kind] ?? r.kind}, ontvangen ${day(r.receivedOn)}, ${STATUS_NL[r.status] ?? r.status}; antwoord uiterlijk ${day(r.answerBy)}.`);
    for (const c of x.complaints) doc.text(`${c.reference} — klacht, ontvangen ${day(c.receivedOn)}, ${STATUS_NL[c.status] ?? c.status}; beslissing uiterlijk ${day(c.decideBy)}.`);

    heading(doc, 'Wie uw gegevens heeft bekeken');
    doc.text(`${x.accessLog.total} keer${x.accessLog.truncated ? ` (hieronder de laatste ${x.accessLog.entries.length})` : ''}. ${x.accessLog.showsNames ? 'Bij medewerkers staat hun naam.' : 'Bij medewerkers staan hun functie en organisatie.'}`);
    doc.moveDown(0.3);
    for (const e of x.accessLog.entries) {
      doc.text(`${DATETIME.format(new Date(e.at))} — ${actorText(e)} — ${purposeText(e)}${e.categories.length ? ` — ${e.categories.map((c) => c.nl).join(', ')}` : ''}`);
    }

    heading(doc, 'Waarvoor wij uw gegevens gebruiken');
    for (const p of x.processing) {
      doc.font('Helvetica-Bold').text(p.name).font('Helvetica');
      doc.text(`${p.purpose} Grondslag: ${p.legalBasis} Bewaren: ${p.retention}${p.recipients.length ? ` Ontvangers: ${p.recipients.join(', ')}.` : ''}`);
      doc.moveDown(0.2);
    }
    heading(doc, 'Uw rechten');
    for (const r of x.rights) doc.text(`• ${r}`);
  });
}

export function letterPdf(l: Letter): Promise<Buffer> {
  return render(l.title, l.from, (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(l.from);
    doc.moveDown(2);
    if (l.addressee) doc.font('Helvetica').fontSize(11).text(l.addressee);
    doc.moveDown(1.5);
    doc.fontSize(10).text(`Datum: ${l.date}`);
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(13).text(l.title);
    doc.moveDown();
    doc.font('Helvetica').fontSize(11);
    for (const p of l.paragraphs) {
      doc.text(p);
      doc.moveDown(0.6);
    }
  });
}
