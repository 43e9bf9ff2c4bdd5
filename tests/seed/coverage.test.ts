// Facts from each of the five source documents, read back through Prisma with their citations.
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';

const citedBy = (list: Array<{ source: { slug: string } }>) =>
  [...new Set(list.map((c) => c.source.slug))].sort();
const withSource = { include: { source: { select: { slug: true } } } } as const;

describe('seed coverage', () => {
  it('holds the five documents as sources, with the one stated update date', async () => {
    const sources = await db.source.findMany({ orderBy: { fileName: 'asc' } });
    expect(sources.map((s) => [s.slug, s.kind])).toEqual([
      ['prp-vampire-lift-clinic', 'CLINIC_PAGE'],
      ['microneedling-prp-clinic', 'CLINIC_PAGE'],
      ['mesotherapy-patient-sheet', 'PATIENT_INFORMATION_SHEET'],
      ['mesotherapy-ageing-article', 'ARTICLE'],
      ['mesolift-article', 'ARTICLE'],
    ]);
    expect(
      sources
        .find((s) => s.slug === 'mesolift-article')
        ?.lastUpdated?.toISOString()
        .slice(0, 10),
    ).toBe('2017-11-08');
    expect(sources.filter((s) => s.lastUpdated).length).toBe(1);
  });

  it('cites every document many times (a few hundred facts in all)', async () => {
    const counts = await db.citation.groupBy({ by: ['sourceId'], _count: { _all: true } });
    expect(counts).toHaveLength(5);
    for (const c of counts) expect(c._count._all).toBeGreaterThan(50);
    expect(counts.reduce((n, c) => n + c._count._all, 0)).toBeGreaterThan(300);
  });

  it('000 (PRP clinic page): PRP is suspended in France by the ANSM, for lack of high-level evidence', async () => {
    const status = await db.regulatoryStatus.findFirstOrThrow({
      where: { treatment: { slug: 'prp-injection' }, jurisdiction: { code: 'FR' } },
      include: { authority: true, citations: withSource },
    });
    expect(status.status).toBe('SUSPENDED');
    expect(status.authority?.slug).toBe('ansm');
    expect(status.reasonEn).toMatch(/administrative/i);
    expect(status.reasonEn).toMatch(/evidence/i);
    expect(citedBy(status.citations)).toEqual(['prp-vampire-lift-clinic']);
  });

  it('000: PRP is known as "vampire lift", done in a clinic operating room, not in the office', async () => {
    const prp = await db.treatment.findUniqueOrThrow({
      where: { slug: 'prp-injection' },
      include: {
        aliases: { include: { citations: withSource } },
        settings: { include: { citations: withSource } },
      },
    });
    const alias = prp.aliases.find((a) => a.value.toLowerCase() === 'vampire lift');
    expect(alias && citedBy(alias.citations)).toEqual(['prp-vampire-lift-clinic']);
    const bySetting = Object.fromEntries(prp.settings.map((s) => [s.setting, s.allowed]));
    expect(bySetting).toEqual({ OFFICE: false, CLINIC_OPERATING_ROOM: true });
    for (const s of prp.settings) expect(citedBy(s.citations)).toEqual(['prp-vampire-lift-clinic']);
  });

  it('000: PRP does not re-tension the skin like a facelift (a cited limitation)', async () => {
    const limits = await db.limitation.findMany({
      where: { treatment: { slug: 'prp-injection' } },
      include: { citations: withSource },
    });
    const facelift = limits.find((l) => /facelift|face-lift|lift/i.test(l.textEn ?? ''));
    expect(facelift).toBeDefined();
    expect(citedBy(facelift?.citations ?? [])).toEqual(['prp-vampire-lift-clinic']);
  });

  it('001 (microneedling clinic page): microneedling with PRP is the "Vampire Facial", combining both', async () => {
    const vf = await db.treatment.findUniqueOrThrow({
      where: { slug: 'microneedling-with-prp' },
      include: {
        aliases: { include: { citations: withSource } },
        components: { include: { component: { select: { slug: true } } } },
      },
    });
    const alias = vf.aliases.find((a) => a.value === 'Vampire Facial');
    expect(alias && citedBy(alias.citations)).toContain('microneedling-prp-clinic');
    expect(vf.components.map((c) => c.component.slug).sort()).toEqual(['microneedling', 'prp-injection']);
  });

  it('001: microneedling treats acne scars and stretch marks', async () => {
    const links = await db.treatmentIndication.findMany({
      where: {
        treatment: { slug: 'microneedling' },
        indication: { slug: { in: ['acne-scars', 'stretch-marks'] } },
      },
      include: { citations: withSource },
    });
    expect(links).toHaveLength(2);
    for (const l of links) expect(citedBy(l.citations)).toContain('microneedling-prp-clinic');
  });

  it('002 (patient sheet): pregnancy is a relative contraindication of mesotherapy, herpes a precaution', async () => {
    const links = await db.treatmentContraindication.findMany({
      where: {
        treatment: { slug: 'mesotherapy' },
        contraindication: { slug: { in: ['pregnancy', 'herpes-history'] } },
      },
      include: { contraindication: { include: { codes: true } }, citations: withSource },
      orderBy: { contraindication: { slug: 'asc' } },
    });
    // What the sheet itself states, on its citation; the link takes the strictest of its sources.
    const fromSheet = (l: (typeof links)[number]) =>
      l.citations.find((c) => c.source.slug === 'mesotherapy-patient-sheet')?.severity;
    expect(links.map((l) => [l.contraindication.slug, fromSheet(l), l.severity])).toEqual([
      ['herpes-history', 'PRECAUTION', 'PRECAUTION'],
      ['pregnancy', 'RELATIVE', 'ABSOLUTE'],
    ]);
    for (const l of links) expect(citedBy(l.citations)).toContain('mesotherapy-patient-sheet');
    const pregnancy = links.find((l) => l.contraindication.slug === 'pregnancy');
    expect(pregnancy?.contraindication.codes.map((c) => [c.system, c.code])).toEqual([
      ['SNOMED-CT', '77386006'],
    ]);
  });

  it('002: sun protection for 7 to 15 days after each mesotherapy session', async () => {
    const aftercare = await db.protocolClaim.findMany({
      where: { treatment: { slug: 'mesotherapy' }, kind: 'AFTERCARE', min: 7, max: 15, unit: 'DAY' },
      include: { citations: withSource },
    });
    expect(aftercare).toHaveLength(1);
    expect(citedBy(aftercare[0]?.citations ?? [])).toEqual(['mesotherapy-patient-sheet']);
  });

  it('003 (ageing article): mesotherapy is contraindicated in autoimmune disease and cancer', async () => {
    const links = await db.treatmentContraindication.findMany({
      where: {
        treatment: { slug: 'mesotherapy' },
        contraindication: { slug: { in: ['autoimmune-disease', 'cancer'] } },
      },
      include: { citations: withSource },
    });
    expect(links).toHaveLength(2);
    for (const l of links) expect(citedBy(l.citations)).toEqual(['mesotherapy-ageing-article']);
  });

  it('002 and 003 disagree on the interval between sessions: both claims are kept, each with its source', async () => {
    const intervals = await db.protocolClaim.findMany({
      where: { treatment: { slug: 'mesotherapy' }, kind: 'INTERVAL' },
      include: { citations: withSource },
    });
    const bySource = intervals.map((c) => [citedBy(c.citations).join(','), c.min, c.max, c.unit]).sort();
    expect(bySource).toEqual([
      ['mesolift-article', 15, 15, 'DAY'],
      ['mesotherapy-ageing-article', 2, 3, 'WEEK'],
      ['mesotherapy-patient-sheet', 15, 30, 'DAY'],
    ]);
  });

  it('004 (mesolift article): four sessions fifteen days apart, maintenance about every three months', async () => {
    const claims = await db.protocolClaim.findMany({
      where: { treatment: { slug: 'mesolift' } },
      include: { citations: withSource },
    });
    const pick = (kind: string) =>
      claims.filter((c) => c.kind === kind && citedBy(c.citations).includes('mesolift-article'));
    expect(pick('SESSION_COUNT').map((c) => [c.min, c.max])).toContainEqual([4, 4]);
    expect(pick('INTERVAL').map((c) => [c.min, c.max, c.unit])).toContainEqual([15, 15, 'DAY']);
    expect(pick('MAINTENANCE').map((c) => [c.min, c.max, c.unit])).toContainEqual([3, 3, 'MONTH']);
  });

  it('PRP and mesotherapy share exactly anticoagulants and coagulation disorders', async () => {
    const slugsOf = async (slug: string) =>
      (
        await db.treatmentContraindication.findMany({
          where: { treatment: { slug } },
          select: { contraindication: { select: { slug: true } } },
        })
      ).map((l) => l.contraindication.slug);
    const prp = new Set(await slugsOf('prp-injection'));
    const shared = (await slugsOf('mesotherapy')).filter((s) => prp.has(s)).sort();
    expect(shared).toEqual(['anticoagulants', 'coagulation-disorders']);
  });

  it('stores nothing without a citation', async () => {
    const uncited = await db.treatment.count({ where: { citations: { none: {} } } });
    const uncitedLinks = await Promise.all([
      db.treatmentContraindication.count({ where: { citations: { none: {} } } }),
      db.treatmentIndication.count({ where: { citations: { none: {} } } }),
      db.protocolClaim.count({ where: { citations: { none: {} } } }),
      db.regulatoryStatus.count({ where: { citations: { none: {} } } }),
      db.contraindication.count({ where: { citations: { none: {} } } }),
    ]);
    expect([uncited, ...uncitedLinks]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
