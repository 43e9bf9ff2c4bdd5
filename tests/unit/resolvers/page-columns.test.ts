// A link page reads only the columns its selection needs: the edge's own fields (severity, note…)
// only when the edge asks for them, the node's localised pair for `name`, never unselected text.
import { describe, expect, it } from 'vitest';
import { linkKinds } from '../../../src/model/kinds.ts';
import { pageColumns } from '../../../src/resolvers/linkRows.ts';

const contraindications = linkKinds.find((k) => k.joinModel === 'TreatmentContraindication');
if (!contraindications) throw new Error('no TreatmentContraindication link kind');

describe('pageColumns', () => {
  it('reads only the keys of the link when only nodes are selected', () => {
    const columns = pageColumns(
      { kind: contraindications, reverse: false },
      new Set(),
      new Set(['slug', 'name']),
    );
    expect(columns.link).toEqual(['id', 'treatmentId', 'contraindicationId']);
    expect(columns.node).toEqual(['id', 'slug', 'nameFr', 'nameEn']);
  });

  it('adds the edge columns an edge selection reads, localised pairs included', () => {
    const columns = pageColumns(
      { kind: contraindications, reverse: true },
      new Set(['severity', 'noteI18n', 'citations']),
      new Set(['slug']),
    );
    expect(columns.link).toEqual(['id', 'treatmentId', 'contraindicationId', 'severity', 'noteFr', 'noteEn']);
    expect(columns.node).toEqual(['id', 'slug']);
    expect(columns.key).not.toEqual(
      pageColumns({ kind: contraindications, reverse: true }, new Set(['severity']), new Set(['slug'])).key,
    );
  });
});
