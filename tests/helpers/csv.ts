// A strict RFC 4180 reader for checking exports: quoted cells, doubled quotes, CRLF line ends.
// Throws on anything malformed, so a broken export fails the test instead of parsing loosely.
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && cell === '') {
      const close = (from: number): number => {
        const at = text.indexOf('"', from);
        if (at < 0) throw new Error(`csv: unclosed quote at ${i}`);
        return text[at + 1] === '"' ? close(at + 2) : at;
      };
      const end = close(i + 1);
      cell = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`csv: text after a quoted cell at ${i}`);
      continue;
    }
    if (text[i] === ',') {
      record.push(cell);
      cell = '';
      i++;
    } else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`csv: bare CR at ${i}`);
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '"') {
      throw new Error(`csv: unquoted ${JSON.stringify(text[i])} at ${i}`);
    } else {
      cell += text[i];
      i++;
    }
  }
  if (cell !== '' || record.length > 0) throw new Error('csv: the last line has no CRLF');
  const [header, ...rows] = records;
  if (!header) throw new Error('csv: no header');
  return rows.map((r, n) => {
    if (r.length !== header.length)
      throw new Error(`csv: row ${n + 1} has ${r.length} cells, the header ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j] as string]));
  });
}
