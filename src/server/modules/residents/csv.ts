/**
 * "Who viewed my data" as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the accents, ';'
 * as separator as Dutch spreadsheet settings expect). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) are prefixed with a quote (CSV injection).
 */
import type { AccessLogEntryView } from '../../../data/index.ts';

function cell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const HEAD = ['tijdstip', 'wie', 'naam', 'functie', 'organisatie', 'doel', 'hulpvraag', 'taak', 'soorten gegevens', 'handeling'];

const WHO: Record<AccessLogEntryView['actor']['kind'], string> = { professional: 'medewerker', subject: 'de persoon zelf', representative: 'vertegenwoordiger', system: 'systeem' };
const PURPOSE: Record<AccessLogEntryView['purpose']['kind'], string> = { help_request: 'hulpvraag', portal: 'Mijn gegevens', oversight: 'toezicht of klachtbehandeling', system: 'systeem', none: 'geen doel (geweigerd)' };

export function accessLogCsv(entries: readonly AccessLogEntryView[]): string {
  const lines = [HEAD.join(';')];
  for (const e of entries) {
    lines.push(
      [
        e.at,
        WHO[e.actor.kind],
        e.actor.name,
        e.actor.functionTitle,
        e.actor.organisation,
        e.purpose.activity ?? PURPOSE[e.purpose.kind],
        e.purpose.helpRequestReference,
        e.purpose.task?.nl ?? null,
        e.categories.map((c) => c.nl).join(', '),
        e.action,
      ]
        .map(cell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
