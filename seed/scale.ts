// A deterministic synthetic knowledge base for benchmarks: N treatments, about N/5 entries of each
// vocabulary kind, every treatment linked to 3–8 entries of each kind (each link cited) and to 2
// regulatory statuses. Same N and seed value, same rows, byte for byte.
import { vocabularyKinds } from '../src/model/kinds.ts';
import { treatmentDerived, vocabularyDerived } from '../src/write/derived.ts';

export type Row = Record<string, string | number | boolean | Date | null>;

/** mulberry32: a tiny, fast, well-distributed PRNG; deterministic for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every vocabulary kind of the registry, with the tables and columns the generator fills. */
const vocabularies = vocabularyKinds.map((kind) => ({
  table: kind.one,
  link: kind.link.delegate,
  fk: kind.link.nodeColumn,
  owner: kind.link.citationColumn,
  /** Slug and name stem: `contraindication-1`, `active-ingredient-3`. */
  word: kind.noun.replace(/ /g, '-'),
}));

const SYLLABLES = [
  'me',
  'so',
  'thé',
  'ra',
  'pie',
  'lif',
  'ting',
  'der',
  'ma',
  'ro',
  'plas',
  'mé',
  'lu',
  'cia',
  'no',
  'vé',
];
const SEVERITIES = ['ABSOLUTE', 'RELATIVE', 'PRECAUTION'] as const;
const STATUSES = ['PERMITTED', 'RESTRICTED', 'SUSPENDED', 'PROHIBITED'] as const;
const CATEGORY = { indication: 'SKIN_AGEING', contraindication: 'MEDICATION' } as const;
const STAMP = new Date('2026-01-01T00:00:00.000Z');
/** Sections per synthetic source (`§1` … `§12`). */
const SECTIONS = 12;

/** Table name → rows, in insertion order (parents first). Ids are explicit so links need no reads. */
export type ScaleData = Map<string, Row[]>;

export function generateScaleData(treatments: number, seed = 42): ScaleData {
  if (!Number.isInteger(treatments) || treatments < 1)
    throw new RangeError('treatments must be a positive integer');
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const word = () =>
    Array.from({ length: int(2, 4) }, () => SYLLABLES[int(0, SYLLABLES.length - 1)]).join('');
  const data: ScaleData = new Map();
  const push = (table: string, row: Row) => {
    const rows = data.get(table) ?? [];
    rows.push(row);
    data.set(table, rows);
  };
  let citationId = 0;
  const cite = (column: string, ownerId: number, key: string) => {
    const sourceId = (ownerId % 5) + 1;
    push('citation', {
      id: ++citationId,
      key: `${key}|s${sourceId}`,
      sourceId,
      sectionId: (sourceId - 1) * SECTIONS + (ownerId % SECTIONS) + 1,
      claimType: key.slice(0, key.indexOf(':')),
      claimSubject: key.slice(key.indexOf(':') + 1),
      note: null,
      [column]: ownerId,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  };

  for (let s = 1; s <= 5; s++) {
    push('source', {
      id: s,
      slug: `synthetic-source-${s}`,
      title: `Source ${s}`,
      language: 'fr',
      kind: 'ARTICLE',
      fileName: `synthetic-${s}.txt`,
      lastUpdated: null,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    for (let n = 1; n <= SECTIONS; n++) {
      push('sourceSection', {
        id: (s - 1) * SECTIONS + n,
        sourceId: s,
        locator: `§${n}`,
        position: n,
        createdAt: STAMP,
        updatedAt: STAMP,
      });
    }
  }
  const jurisdictions = 10;
  for (let j = 1; j <= jurisdictions; j++) {
    push('jurisdiction', {
      id: j,
      code: `Z${String.fromCharCode(64 + j)}`,
      nameFr: `Pays ${j}`,
      nameEn: `Country ${j}`,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    push('authority', {
      id: j,
      slug: `authority-${j}`,
      acronym: `A${j}`,
      nameFr: `Autorité ${j}`,
      nameEn: `Authority ${j}`,
      jurisdictionId: j,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  }

  const perKind = Math.max(8, Math.round(treatments / 5));
  for (const v of vocabularies) {
    for (let i = 1; i <= perKind; i++) {
      const nameFr = `${word()} ${v.word} ${i}`;
      const nameEn = `${v.word} ${i} ${word()}`;
      push(v.table, {
        id: i,
        slug: `${v.word}-${i}`,
        nameFr,
        nameEn,
        descriptionFr: null,
        descriptionEn: null,
        ...(v.table in CATEGORY ? { category: CATEGORY[v.table as keyof typeof CATEGORY] } : {}),
        ...vocabularyDerived({ nameFr, nameEn }),
        createdAt: STAMP,
        updatedAt: STAMP,
      });
      cite(`${v.table}Id`, i, `${v.table}:${i}`);
    }
  }

  const linkIds: Record<string, number> = {};
  for (let t = 1; t <= treatments; t++) {
    const nameFr = `${word()} ${word()} ${t}`;
    const nameEn = `Treatment ${t} ${word()}`;
    const alias = `${word()}-${t}`;
    const summaryFr = `Traitement synthétique ${t} : ${word()} ${word()}.`;
    const summaryEn = `Synthetic treatment ${t}.`;
    push('treatment', {
      id: t,
      slug: `treatment-${t}`,
      nameFr,
      nameEn,
      summaryFr,
      summaryEn,
      mechanismFr: null,
      mechanismEn: null,
      ...treatmentDerived({ nameFr, nameEn, summaryFr, summaryEn }, [alias]),
      createdAt: STAMP,
      updatedAt: new Date(STAMP.getTime() + t * 1000),
    });
    cite('treatmentId', t, `treatment:${t}`);
    push('treatmentAlias', {
      id: t,
      treatmentId: t,
      value: alias,
      locale: 'FR',
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    for (const v of vocabularies) {
      const count = int(3, 8);
      const chosen = new Set<number>();
      // One very common contraindication (every 4th treatment: 5 000 links at N = 20 000), so the
      // bench has a reverse connection that pages through thousands of links.
      if (v.table === 'contraindication' && t % 4 === 0) chosen.add(1);
      while (chosen.size < count) chosen.add(int(1, perKind));
      for (const target of [...chosen].sort((a, b) => a - b)) {
        const id = (linkIds[v.link] ?? 0) + 1;
        linkIds[v.link] = id;
        push(v.link, {
          id,
          treatmentId: t,
          [v.fk]: target,
          noteFr: null,
          noteEn: null,
          ...(v.link === 'treatmentContraindication'
            ? { severity: SEVERITIES[int(0, 2)] ?? 'RELATIVE' }
            : {}),
          ...(v.link === 'treatmentSideEffect'
            ? {
                frequencyFr: 'parfois',
                frequencyEn: 'sometimes',
                typicalDurationFr: 'quelques jours',
                typicalDurationEn: 'a few days',
              }
            : {}),
          createdAt: STAMP,
          updatedAt: STAMP,
        });
        cite(v.owner, id, `${v.link}:${t}/${target}`);
      }
    }
    for (let k = 0; k < 2; k++) {
      const id = (t - 1) * 2 + k + 1;
      const jurisdiction = ((t + k * 3) % jurisdictions) + 1;
      push('regulatoryStatus', {
        id,
        treatmentId: t,
        jurisdictionId: jurisdiction,
        status: STATUSES[int(0, 3)] ?? 'PERMITTED',
        authorityId: jurisdiction,
        reasonFr: 'Raison synthétique.',
        reasonEn: 'Synthetic reason.',
        settingRestrictionsFr: null,
        settingRestrictionsEn: null,
        createdAt: STAMP,
        updatedAt: STAMP,
      });
      cite('regulatoryStatusId', id, `regulatoryStatus:${t}/${jurisdiction}`);
      push('protocolClaim', {
        id,
        treatmentId: t,
        key: `claim-${k}`,
        kind: k === 0 ? 'SESSION_COUNT' : 'INTERVAL',
        textFr: k === 0 ? '3 à 5 séances' : '2 à 3 semaines',
        textEn: k === 0 ? '3 to 5 sessions' : '2 to 3 weeks',
        min: k === 0 ? 3 : 2,
        max: k === 0 ? 5 : 3,
        unit: k === 0 ? 'SESSION' : 'WEEK',
        createdAt: STAMP,
        updatedAt: STAMP,
      });
      cite('protocolClaimId', id, `protocolClaim:${t}/${k}`);
    }
  }
  // Citations last: they point at every other table.
  const citations = data.get('citation') ?? [];
  data.delete('citation');
  data.set('citation', citations);
  return data;
}
