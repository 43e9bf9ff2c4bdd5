// How citations are always loaded: with their source, in a stable order (source, then id).
export const citationInclude = {
  include: { source: true },
  orderBy: [{ sourceId: 'asc' as const }, { id: 'asc' as const }],
};
