// The seed says what the documents say, no more and no less: one test per rule of seed/FORMAT.md
// ("Modelling rules"), each written against a claim an audit of the seed found wrong.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../../seed/validate.ts';
import { db } from '../../src/db.ts';
import { data } from '../helpers/graphql.ts';

const seedDir = join(import.meta.dirname, '../../seed/data');
/** The five source documents, beside the repository when it is checked out there. */
const documents = process.env.SEED_DOCUMENTS_DIR ?? join(import.meta.dirname, '../../../shared/seeds');
const withSource = { include: { source: { select: { slug: true } }, section: true } } as const;

const contraindicationsOf = (slug: string) =>
  db.treatmentContraindication.findMany({
    where: { treatment: { slug } },
    include: { contraindication: { select: { slug: true } }, citations: withSource },
  });

describe('PRP suspension and the clinic setting (document 000, §19 against §10)', () => {
  it('keeps the suspension as §19 states it: no setting restriction, cited to §19 only', async () => {
    for (const slug of ['prp-injection', 'prp-mesolift', 'prp-microfilling']) {
      const status = await db.regulatoryStatus.findFirstOrThrow({
        where: { treatment: { slug }, jurisdiction: { code: 'FR' } },
        include: { citations: withSource },
      });
      expect(status.status, slug).toBe('SUSPENDED');
      expect([status.settingRestrictionsFr, status.settingRestrictionsEn], slug).toEqual([null, null]);
      expect(
        status.citations.map((c) => c.section.locator),
        slug,
      ).toEqual(["§19 Suspension par l'ANSM"]);
    }
  });

  it('records the clinic setting as its own claim, and each side points at the other', async () => {
    const prp = await db.treatment.findUniqueOrThrow({
      where: { slug: 'prp-injection' },
      include: {
        settings: { include: { citations: withSource } },
        regulatoryStatuses: { include: { citations: withSource } },
      },
    });
    const clinic = prp.settings.find((s) => s.setting === 'CLINIC_OPERATING_ROOM');
    const fromSection10 = clinic?.citations.find((c) => c.section.locator.startsWith('§10'));
    expect(fromSection10?.note).toMatch(/§19/);
    expect(prp.regulatoryStatuses[0]?.citations[0]?.note).toMatch(/§10/);
  });
});

describe('only what a document states for a treatment belongs to it', () => {
  it('microneedling with PRP (document 001 only) inherits nothing from document 000', async () => {
    const vf = await db.treatment.findUniqueOrThrow({
      where: { slug: 'microneedling-with-prp' },
      include: { contraindications: true, settings: true, regulatoryStatuses: true },
    });
    expect(vf.contraindications).toEqual([]);
    expect(vf.settings).toEqual([]);
    expect(vf.regulatoryStatuses).toEqual([]);
    const sources = await db.citation.findMany({
      where: { claimSubject: { startsWith: 'microneedling-with-prp' } },
      select: { source: { select: { slug: true } } },
    });
    expect(new Set(sources.map((c) => c.source.slug))).toEqual(new Set(['microneedling-prp-clinic']));
  });

  it('the suspension and contraindications of PRP injection are not carried over to topical PRP', async () => {
    const roller = await db.treatment.findUniqueOrThrow({
      where: { slug: 'prp-derma-roller' },
      include: { contraindications: true, regulatoryStatuses: true },
    });
    expect(roller.contraindications).toEqual([]);
    expect(roller.regulatoryStatuses).toEqual([]);
  });

  it('the sheet\'s "mesotherapy or microneedling" is not applied: no alias, no borrowed tools', async () => {
    const meso = await db.treatment.findUniqueOrThrow({
      where: { slug: 'mesotherapy' },
      include: { aliases: true },
    });
    expect(meso.aliases.map((a) => a.value.toLowerCase())).not.toContain('microneedling');
    const borrowed = await db.citation.findMany({
      where: {
        claimSubject: { startsWith: 'microneedling/' },
        source: { slug: 'mesotherapy-patient-sheet' },
      },
    });
    expect(borrowed).toEqual([]);
  });

  it('document 000’s derma-roller paragraph is not read as a statement about microneedling', async () => {
    // §6 describes a derma-roller session with PRP; it never names microneedling. Microneedling's
    // facts come from the documents that do (001), and the derma-roller stays on PRP + derma-roller.
    const fromSection6 = await db.citation.findMany({
      where: {
        claimSubject: { startsWith: 'microneedling/' },
        source: { slug: 'prp-vampire-lift-clinic' },
        section: { locator: '§6 PRP et derma-roller' },
      },
    });
    expect(fromSection6).toEqual([]);
    const techniques = await db.treatmentTechnique.findMany({
      where: { treatment: { slug: 'microneedling' } },
      include: { technique: { select: { slug: true } } },
    });
    expect(techniques.map((t) => t.technique.slug)).not.toContain('derma-roller');
    const combination = await db.treatmentCombination.findMany({
      where: { treatment: { slug: 'prp-injection' }, other: { slug: 'microneedling' } },
      include: { citations: withSource },
    });
    expect(combination).toHaveLength(1);
    expect(combination[0]?.noteEn).not.toMatch(/derma-roller/i);
    expect(combination[0]?.citations.map((c) => c.section.locator)).not.toContain('§6 PRP et derma-roller');
  });
});

describe('severity follows one written rule', () => {
  it('each citation states its source’s severity; the link takes the strictest', async () => {
    const links = await contraindicationsOf('mesotherapy');
    const bySource = (slug: string) => {
      const link = links.find((l) => l.contraindication.slug === slug);
      return {
        link: link?.severity,
        sources: Object.fromEntries(link?.citations.map((c) => [c.source.slug, c.severity]) ?? []),
      };
    };
    // The sheet only asks for allergies to be reported; the ageing article lists them unqualified.
    expect(bySource('allergy-to-component')).toEqual({
      link: 'ABSOLUTE',
      sources: { 'mesotherapy-patient-sheet': 'PRECAUTION', 'mesotherapy-ageing-article': 'ABSOLUTE' },
    });
    // "De principe" on the sheet; unqualified in both articles.
    expect(bySource('pregnancy')).toEqual({
      link: 'ABSOLUTE',
      sources: {
        'mesotherapy-patient-sheet': 'RELATIVE',
        'mesotherapy-ageing-article': 'ABSOLUTE',
        'mesolift-article': 'ABSOLUTE',
      },
    });
    expect(bySource('herpes-history')).toEqual({
      link: 'PRECAUTION',
      sources: { 'mesotherapy-patient-sheet': 'PRECAUTION' },
    });
  });

  it('every link in the seed has the strictest severity of its citations, and no other', async () => {
    const order = ['ABSOLUTE', 'RELATIVE', 'PRECAUTION'];
    const links = await db.treatmentContraindication.findMany({ include: { citations: true } });
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) {
      const stated = l.citations.map((c) => c.severity);
      expect(stated, `link ${l.id}`).not.toContain(null);
      const strictest = [...stated].sort((a, b) => order.indexOf(a ?? '') - order.indexOf(b ?? ''))[0];
      expect(l.severity, `link ${l.id}`).toBe(strictest);
    }
    expect(
      await db.citation.count({ where: { severity: { not: null }, treatmentContraindicationId: null } }),
    ).toBe(0);
  });

  it('the API shows each source’s severity on the edge’s citations', async () => {
    const r = await data<{
      treatment: {
        contraindications: {
          edges: Array<{
            severity: string;
            node: { slug: string };
            citations: Array<{ severity: string | null; source: { slug: string } }>;
          }>;
        };
      };
    }>(`{ treatment(slug: "mesotherapy") { contraindications(first: 50) { edges {
      severity node { slug } citations { severity source { slug } } } } } }`);
    const allergy = r.treatment.contraindications.edges.find((e) => e.node.slug === 'allergy-to-component');
    expect(allergy?.severity).toBe('ABSOLUTE');
    expect(allergy?.citations.map((c) => [c.source.slug, c.severity])).toEqual(
      expect.arrayContaining([['mesotherapy-patient-sheet', 'PRECAUTION']]),
    );
  });
});

describe('side effects hold frequencies, and only what documents present as side effects', () => {
  it('mesotherapy redness and swelling carry no frequency word; pain is no side effect', async () => {
    const effects = await db.treatmentSideEffect.findMany({
      where: { treatment: { slug: 'mesotherapy' } },
      include: { sideEffect: { select: { slug: true } } },
    });
    const bySlug = Object.fromEntries(effects.map((e) => [e.sideEffect.slug, e]));
    expect(bySlug.redness?.frequencyEn ?? null).toBeNull();
    expect(bySlug.redness?.typicalDurationEn).toMatch(/few hours/);
    expect(bySlug.swelling?.frequencyEn ?? null).toBeNull();
    expect(bySlug.pain).toBeUndefined();
    expect(await db.sideEffect.findUnique({ where: { slug: 'pain' } })).toBeNull();
    const intensity = /\b(minor|small|mild|common)\b|mineur|petit/i;
    for (const e of await db.treatmentSideEffect.findMany()) {
      expect(e.frequencyEn ?? '', `side effect link ${e.id}`).not.toMatch(intensity);
      expect(e.frequencyFr ?? '', `side effect link ${e.id}`).not.toMatch(intensity);
    }
  });
});

describe('sources kept apart', () => {
  it('the mesotherapy summary attributes the 1950s origin and the first fields to separate articles', async () => {
    const meso = await db.treatment.findUniqueOrThrow({ where: { slug: 'mesotherapy' } });
    expect(meso.summaryEn).toMatch(/One article dates it to the 1950s/);
    expect(meso.summaryEn).toMatch(/another says it was first used in rheumatology/);
    expect(meso.summaryEn).not.toMatch(/Pistor, first in rheumatology/);
  });

  it('document 004’s protocol appears on mesotherapy beside 002’s and 003’s; mesolift keeps its own', async () => {
    const claims = await db.protocolClaim.findMany({
      where: { treatment: { slug: { in: ['mesotherapy', 'mesolift'] } } },
      include: { citations: withSource, treatment: { select: { slug: true } } },
    });
    const from = (treatment: string, source: string) =>
      claims
        .filter((c) => c.treatment.slug === treatment && c.citations.some((x) => x.source.slug === source))
        .map((c) => c.kind);
    for (const kind of ['SESSION_COUNT', 'INTERVAL', 'MAINTENANCE', 'SESSION_DURATION']) {
      expect(from('mesotherapy', 'mesolift-article'), kind).toContain(kind);
      expect(from('mesolift', 'mesolift-article'), kind).toContain(kind);
    }
    for (const source of ['mesotherapy-patient-sheet', 'mesotherapy-ageing-article'])
      expect(from('mesotherapy', source)).toEqual(expect.arrayContaining(['SESSION_COUNT', 'INTERVAL']));
  });
});

describe('codes name the same concept', () => {
  it('a history of herpes carries no ICD-10 B00 (active infection) code', async () => {
    const herpes = await db.contraindication.findUniqueOrThrow({
      where: { slug: 'herpes-history' },
      include: { codes: true },
    });
    expect(herpes.codes).toEqual([]);
  });
});

describe('translation slips', () => {
  it('"durable" is kept in French, "only" is not added in English, "parfois" is kept', async () => {
    const renew = await db.protocolClaim.findFirstOrThrow({
      where: { key: 'renew-once-or-twice-a-year', treatment: { slug: 'prp-mesolift' } },
    });
    expect(renew.textFr).toMatch(/dure/);
    const safety = await db.limitation.findFirstOrThrow({
      where: { key: 'safety-depends-on-operator', treatment: { slug: 'mesotherapy' } },
    });
    expect(safety.textEn).not.toMatch(/\bonly\b/);
    const herpes = await db.treatmentContraindication.findFirstOrThrow({
      where: { treatment: { slug: 'mesotherapy' }, contraindication: { slug: 'herpes-history' } },
    });
    expect(herpes.noteFr).toMatch(/parfois/);
    expect(herpes.noteEn).toMatch(/sometimes/);
    const vocabulary = await db.contraindication.findUniqueOrThrow({ where: { slug: 'herpes-history' } });
    expect(vocabulary.descriptionFr).toMatch(/parfois/);
  });
});

describe('locators are the documents’ own headings', () => {
  // The headings of each document, as written (tests/fixtures/document-headings.json): the
  // documents live outside the repository, so a clone without them still checks the locators.
  const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();
  const headings = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/document-headings.json'), 'utf8'),
  ) as Record<string, string[]>;

  it('every heading locator is one of its document’s headings (apostrophes as written)', () => {
    for (const source of readSeed(seedDir).sources) {
      const known = new Set(headings[source.file] ?? []);
      for (const locator of source.sections.filter((s) => !s.startsWith('§')))
        expect(known.has(locator), `${source.slug}: "${locator}"`).toBe(true);
    }
  });

  it.runIf(existsSync(documents))('the recorded headings are lines of the documents themselves', () => {
    for (const [file, list] of Object.entries(headings)) {
      const lines = new Set(readFileSync(join(documents, file), 'utf8').split('\n').map(fold));
      for (const heading of list) expect(lines.has(heading), `${file}: "${heading}"`).toBe(true);
    }
  });
});
