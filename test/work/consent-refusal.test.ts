/**
 * Conversation reports with consent (issue 5 item 3; R4.1), the written no-objection of Pw art. 65 lid 2
 * sub b, withdrawal at once, once-only reuse (item 9; R5.4), refusal (item 4; R4.2) and the involuntary
 * path (R4.3): ground, explanation, consultation on pseudonymised facts, considerations, a second
 * person's decision, the notice letter — and that only an approved record lets data flow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARG, item, walkPlan, workWorld, type WorkWorld } from './support.ts';

let ww: WorkWorld;
beforeAll(async () => {
  ww = await workWorld();
});
afterAll(async () => ww.close());

const adult = () => ww.w.residents.adult;
const child = () => ww.w.residents.child;
const heldAt = () => new Date(Date.now() - 60_000).toISOString();

function conversation(consents: unknown[], residentId = adult()) {
  return { residentId, heldAt: heldAt(), summary: 'Gesprek over de ondersteuning thuis en de inkomsten.', followUp: [{ step: 'Onderzoek naar begeleiding', purpose: 'Vaststellen welke hulp nodig is', categories: ['income'] }], consents };
}

describe('once-only: data the resident already gave for another help request (R5.4)', () => {
  it('proposes the Participatiewet income for the Wmo request, refuses reuse, and says why and which consent the law asks', async () => {
    const p = await walkPlan(ww, 'director', ww.w.helpRequests.wmo, { task: 'wmo-onderzoek', items: [item(adult(), 'income')], complete: false });
    const r = await ww.call('director', 'GET', `/api/step-plans/${p.id}/reuse`);
    expect(r.status).toBe(200);
    const suwi = r.body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.suwiIncome);
    // Suwinet income can never go into a Wmo case (Wet SUWI 62): no consent helps.
    expect(suwi).toMatchObject({ reusable: false, collectedFor: { law: 'pw', reference: null }, consentHint: null });
    expect(suwi.explanation.rules.find((x: { outcome: string }) => x.outcome === 'failed').id).toBe('source-scope');
    expect(JSON.stringify(r.body)).not.toContain(ww.w.values.suwiIncome);
  });

  it('Jeugd data for the Wmo: refused without explicit consent, reusable with it — then steps 5 and 6 apply', async () => {
    const p = await walkPlan(ww, 'director', ww.w.helpRequests.wmo, { task: 'wmo-onderzoek', items: [item(child(), 'health_mental')], complete: false });
    const before = await ww.call('director', 'GET', `/api/step-plans/${p.id}/reuse`);
    const jeugd = before.body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.jeugdHealth);
    expect(jeugd).toMatchObject({ reusable: false, consentHint: { kind: 'explicit', inWriting: false, sourceLaw: 'jeugdwet', targetLaw: 'wmo2015' } });
    const refused = await ww.call('director', 'POST', `/api/step-plans/${p.id}/reuse`, { version: p.body.version, planItemId: p.body.items[0].id, dataItemId: ww.w.items.jeugdHealth });
    expect(refused.body.error).toMatchObject({ code: 'GATE.DENIED', details: { rule: 'cross-law-both-permit' } });
    const c = await ww.call('director', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([{ kind: 'explicit', categories: ['health_mental'], sourceLaw: 'jeugdwet', targetLaw: 'wmo2015', purpose: 'Jeugdgegevens gebruiken voor het Wmo-onderzoek', inWriting: false, givenBy: adult() }], child()));
    expect(c.status).toBe(201);
    const after = await ww.call('director', 'GET', `/api/step-plans/${p.id}/reuse`);
    expect(after.body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.jeugdHealth).reusable).toBe(true);
    const adopted = await ww.call('director', 'POST', `/api/step-plans/${p.id}/reuse`, { version: p.body.version, planItemId: p.body.items[0].id, dataItemId: ww.w.items.jeugdHealth });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ exchange: true, lastStep: 6, stepsDone: 3, reuseFromHelpRequestId: ww.w.helpRequests.jeugd });
  });
});

describe('consent in the conversation report (R4.1) and Pw art. 65 lid 2 sub b', () => {
  it('a written no-objection that is not in writing is refused; nothing is written', async () => {
    const before = await ww.count('conversation_report');
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([{ kind: 'written_no_objection', categories: ['income'], sourceLaw: 'pw', purpose: 'Inkomen voor de Wmo', inWriting: false }]));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CONSENT.INVALID');
    expect(await ww.count('conversation_report')).toBe(before);
  });

  it('a consent given by someone who does not represent the resident is refused', async () => {
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([{ kind: 'explicit', categories: ['income'], purpose: 'Inkomen voor de Wmo', inWriting: true, givenBy: child() }]));
    expect(r.body.error).toMatchObject({ code: 'CONSENT.INVALID', details: { field: 'givenBy' } });
  });

  it('the conversation summary is stored only encrypted', async () => {
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([]));
    const rows = await ww.t.ownerSql('select * from conversation_report where id = $1', [r.body.id]);
    expect(JSON.stringify(rows)).not.toContain('ondersteuning thuis');
    const list = await ww.call('consulent', 'GET', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`);
    expect(list.body.reports.some((x: { summary: string }) => x.summary.includes('ondersteuning thuis'))).toBe(true);
  });
});

describe('Pw art. 65 lid 2 sub b: the no-objection must be in writing', () => {
  it('Participatiewet data the resident gave go into the Wmo case only with an explicit consent IN WRITING', async () => {
    // A Pw datum the resident gave (not from Suwinet, which never goes to the Wmo).
    const id = crypto.randomUUID();
    await ww.t.ownerSql(
      `insert into data_item (id, resident_id, household_id, help_request_id, category, source, legal_basis, confidentiality, retention_class, value_text, recorded_by, recorded_at)
       values ($1, $2, $3, $4, 'work_education', 'resident', 'pw-processing', 'zaakvertrouwelijk', 'pw', 'Werkt 12 uur per week', $5, now())`,
      [id, adult(), ww.w.households.main, ww.w.helpRequests.pw, ww.w.professionals.pwconsulent],
    );
    const plan = await walkPlan(ww, 'director', ww.w.helpRequests.wmo, { task: 'wmo-onderzoek', items: [item(adult(), 'work_education')], complete: false });
    const reusable = async () => (await ww.call('director', 'GET', `/api/step-plans/${plan.id}/reuse`)).body.proposals.find((x: { dataItemId: string }) => x.dataItemId === id);
    expect(await reusable()).toMatchObject({ reusable: false, consentHint: { kind: 'explicit', inWriting: true, sourceLaw: 'pw' } });
    const spoken = { kind: 'explicit', categories: ['work_education'], sourceLaw: 'pw', targetLaw: 'wmo2015', purpose: 'Werkgegevens voor het Wmo-onderzoek', inWriting: false };
    await ww.call('director', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([spoken]));
    expect((await reusable()).reusable).toBe(false);
    await ww.call('director', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([{ ...spoken, inWriting: true }]));
    expect((await reusable()).reusable).toBe(true);
  });
});

describe('withdrawal takes effect at once', () => {
  it('after the withdrawal the gate no longer counts the consent', async () => {
    const { body } = await ww.call('director', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/conversations`, conversation([{ kind: 'explicit', categories: ['health_mental'], sourceLaw: 'jeugdwet', targetLaw: 'wmo2015', purpose: 'Jeugdgegevens voor het Wmo-onderzoek', inWriting: false, givenBy: adult() }], child()));
    const consentId = body.consents[0].id as string;
    const plan = await walkPlan(ww, 'director', ww.w.helpRequests.wmo, { task: 'wmo-onderzoek', items: [item(child(), 'health_mental')], complete: false });
    const ok = await ww.call('director', 'GET', `/api/step-plans/${plan.id}/reuse`);
    expect(ok.body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.jeugdHealth).reusable).toBe(true);
    // Every explicit consent for this purpose is withdrawn (the earlier test recorded one too).
    const all = await ww.t.ownerSql(`select id from consent where help_request_id = $1 and withdrawn_at is null and kind = 'explicit'`, [ww.w.helpRequests.wmo]);
    for (const c of all) expect((await ww.call('director', 'POST', `/api/consents/${c.id}/withdraw`)).status).toBe(200);
    const again = await ww.call('director', 'POST', `/api/consents/${consentId}/withdraw`);
    expect(again.body.error.code).toBe('CONSENT.ALREADY_WITHDRAWN');
    const now = await ww.call('director', 'GET', `/api/step-plans/${plan.id}/reuse`);
    expect(now.body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.jeugdHealth).reusable).toBe(false);
  });
});

describe('refusal and involuntary processing', () => {
  it('involuntary processing without a health or safety ground is refused; nothing is written', async () => {
    const before = await ww.count('refusal');
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/refusals`, { residentId: adult(), categories: ['care_needs'], scope: 'Delen met de aanbieder', refusedAt: heldAt(), outcome: 'involuntary', reason: 'Mevrouw wil het niet, maar het is nodig.' });
    expect(r.body.error).toMatchObject({ code: 'INVOLUNTARY.GROUND_REQUIRED', details: { field: 'ground' } });
    expect(await ww.count('refusal')).toBe(before);
  });

  it('limiting the help blocks the refused category in a step plan (consent-refusal)', async () => {
    const r = await ww.call('pwconsulent', 'POST', `/api/help-requests/${ww.w.helpRequests.pw}/refusals`, { residentId: adult(), categories: ['assets'], scope: 'Vermogen opvragen', refusedAt: heldAt(), outcome: 'limit', reason: 'De inwoner wil het vermogen niet laten zien.' });
    expect(r.status).toBe(201);
    const p = await walkPlan(ww, 'pwconsulent', ww.w.helpRequests.pw, { task: 'pw-levensonderhoud', items: [item(adult(), 'assets')], complete: false });
    expect(p.body.items[0].check).toMatchObject({ decision: 'deny', rule: 'consent-refusal' });
  });

  it('stopping the service ends the help request through the transition table', async () => {
    const intake = await ww.call('consulent', 'POST', '/api/intake', { bsn: ww.w.adultBsn, domain: 'wmo', task: 'wmo-onderzoek', summary: 'Vraag om een traplift' });
    const r = await ww.call('consulent', 'POST', `/api/help-requests/${intake.body.helpRequestId}/refusals`, { residentId: adult(), categories: ['health_physical'], scope: 'Medisch advies', refusedAt: heldAt(), outcome: 'stop', reason: 'Zonder medisch advies kan er geen traplift komen.' });
    expect(r.status).toBe(201);
    expect((await ww.t.ownerSql('select status from help_request where id = $1', [intake.body.helpRequestId]))[0]!.status).toBe('withdrawn');
  });

  it('the whole involuntary path: consultation on pseudonymised facts, a second person, the notice — and only then data flow', async () => {
    // The Jeugd record of the child would go into the Wmo case; the flow needs explicit consent, which was refused.
    const plan = await walkPlan(ww, 'director', ww.w.helpRequests.wmo, { task: 'wmo-onderzoek', items: [item(child(), 'health_mental')], complete: false });
    const proposal = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/refusals`, {
      residentId: child(), categories: ['health_mental'], scope: 'Jeugdgegevens in het Wmo-onderzoek', refusedAt: heldAt(), outcome: 'involuntary',
      reason: 'De ouder weigert, maar de veiligheid van het kind staat op het spel.', ground: 'safety', groundFacts: 'Signalen van ernstige verwaarlozing thuis.',
    });
    expect(proposal.status).toBe(201);
    const id = proposal.body.involuntaryId as string;
    let rec = (await ww.call('consulent', 'GET', `/api/involuntary/${id}`)).body;
    expect(rec.missing).toEqual(['explanationGiven', 'consultation', 'considerations']);

    // Not yet approved: the gate still refuses the flow.
    expect((await ww.call('director', 'GET', `/api/step-plans/${plan.id}/reuse`)).body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.jeugdHealth).reusable).toBe(false);
    // A decision before the consultation is refused.
    expect((await ww.call('director', 'POST', `/api/involuntary/${id}/decision`, { version: rec.version, decision: 'approve', note: 'Akkoord, veiligheid gaat voor.' })).body.error).toMatchObject({ code: 'INVOLUNTARY.INCOMPLETE' });

    rec = (await ww.call('consulent', 'POST', `/api/involuntary/${id}/explanation`, { version: rec.version, explanation: 'Uitgelegd waarom de jeugdhulp belangrijk is voor het kind.', explainedAt: heldAt() })).body;
    // Facts that name the child or the address are refused.
    const named = await ww.call('consulent', 'POST', `/api/involuntary/${id}/consultation`, { version: rec.version, professionalId: ww.w.professionals.stranger, facts: 'Bram woont aan de Teststraat en wordt verwaarloosd.', question: 'Is doorgaan verantwoord?' });
    expect(named.body.error).toMatchObject({ code: 'INVOLUNTARY.NOT_PSEUDONYMISED', details: { found: ['address', 'name'] } });
    rec = (await ww.call('consulent', 'POST', `/api/involuntary/${id}/consultation`, { version: rec.version, professionalId: ww.w.professionals.stranger, facts: 'Kind (12) in een gezin met meervoudige problemen; signalen van verwaarlozing.', question: 'Is doorgaan zonder toestemming verantwoord?' })).body;
    expect(rec.consultation.professional.id).toBe(ww.w.professionals.stranger);

    // The consulted colleague sees the pseudonymised facts — and through the gate no name, BSN, address or birth date.
    const seen = await ww.call('stranger', 'GET', `/api/involuntary/${id}/consultation`);
    expect(seen.status).toBe(200);
    expect(seen.body.facts).toContain('verwaarlozing');
    const house = await ww.call('stranger', 'GET', `/api/help-requests/${ww.w.helpRequests.wmo}`);
    expect(house.status).toBe(200);
    const text = JSON.stringify(house.body);
    for (const secret of ['Testers', 'Anna', 'Bram', 'Teststraat', '7511AB', '1980-04-01', '2014-09-09', ww.w.adultBsn]) expect(text, secret).not.toContain(secret);
    expect(house.body.members.every((m: { withheld: string[] }) => ['identity', 'address', 'contact'].every((c) => m.withheld.includes(c)))).toBe(true);
    // … nor the full record, nor may they decide.
    expect((await ww.call('stranger', 'GET', `/api/involuntary/${id}`)).status).toBe(404);
    expect((await ww.call('stranger', 'POST', `/api/involuntary/${id}/advice`, { advice: 'Doorgaan is verantwoord; de veiligheid weegt zwaarder.' })).status).toBe(200);

    rec = (await ww.call('consulent', 'GET', `/api/involuntary/${id}`)).body;
    rec = (await ww.call('consulent', 'POST', `/api/involuntary/${id}/considerations`, { version: rec.version, considerations: 'De veiligheid van het kind weegt zwaarder dan de weigering van de ouder.' })).body;
    expect(rec.missing).toEqual([]);
    // The proposer never approves their own proposal.
    const own = await ww.call('consulent', 'POST', `/api/involuntary/${id}/decision`, { version: rec.version, decision: 'approve', note: 'Akkoord, veiligheid gaat voor.' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('INVOLUNTARY.SAME_PERSON');
    // A stale version is refused.
    expect((await ww.call('director', 'POST', `/api/involuntary/${id}/decision`, { version: rec.version - 1, decision: 'approve', note: 'Akkoord, veiligheid gaat voor.' })).body.error.code).toBe('CONFLICT.VERSION');
    const decided = await ww.call('director', 'POST', `/api/involuntary/${id}/decision`, { version: rec.version, decision: 'approve', note: 'Akkoord, veiligheid gaat voor.' });
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: { id: ww.w.professionals.director } });
    expect(decided.body.noticeSentAt).not.toBeNull();

    // Now the approved record stands in for the consent where the flow allows it (inv-vital).
    const reuse = await ww.call('director', 'GET', `/api/step-plans/${plan.id}/reuse`);
    const p = reuse.body.proposals.find((x: { dataItemId: string }) => x.dataItemId === ww.w.items.jeugdHealth);
    expect(p.reusable).toBe(true);
    expect(p.explanation.rules.map((r: { id: string }) => r.id)).toContain('inv-vital');
    // The consulted colleague's access ended with the decision.
    expect((await ww.call('stranger', 'GET', `/api/involuntary/${id}/consultation`)).status).toBe(404);

    // The notice: the decision and the rights, as JSON and as a PDF letter.
    const notice = await ww.call('consulent', 'GET', `/api/involuntary/${id}/notice`);
    expect(notice.body).toMatchObject({ addressee: 'Bram Testers' });
    expect(notice.body.rights.join(' ')).toContain('bezwaar');
    const pdf = await ww.t.app.inject({ method: 'GET', url: `/api/involuntary/${id}/notice.pdf?lang=en`, headers: ww.as.consulent });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the consulted colleague is never the proposer', async () => {
    const proposal = await ww.call('consulent', 'POST', `/api/help-requests/${ww.w.helpRequests.wmo}/refusals`, { residentId: adult(), categories: ['care_needs'], scope: 'Delen met de aanbieder', refusedAt: heldAt(), outcome: 'involuntary', reason: 'Mevrouw weigert, de gezondheid is in gevaar.', ground: 'health', groundFacts: 'Valt vaak, woont alleen.' });
    const rec = (await ww.call('consulent', 'GET', `/api/involuntary/${proposal.body.involuntaryId}`)).body;
    const r = await ww.call('consulent', 'POST', `/api/involuntary/${rec.id}/consultation`, { version: rec.version, professionalId: ww.w.professionals.consulent, facts: 'Oudere inwoner valt vaak en woont alleen.', question: ARG });
    expect(r.body.error.code).toBe('INVOLUNTARY.SAME_PERSON');
  });
});
