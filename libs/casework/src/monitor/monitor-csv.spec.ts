import { CsvColumn, toCsv } from './monitor-csv';

describe('the monitor reports as CSV', () => {
  const columns: CsvColumn<{ a: string | null; n: number; ok: boolean }>[] = [
    { header: 'a', cell: (r) => r.a },
    { header: 'n', cell: (r) => r.n },
    { header: 'ok', cell: (r) => r.ok },
  ];

  it('writes a header line and one CRLF-ended line per row, empty for a missing value', () => {
    expect(toCsv(columns, [{ a: 'x', n: 2, ok: true }, { a: null, n: 0, ok: false }])).toBe('a,n,ok\r\nx,2,true\r\n,0,false\r\n');
  });

  it('quotes a field holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(toCsv(columns, [{ a: 'one, "two"\nthree', n: 1, ok: true }])).toBe('a,n,ok\r\n"one, ""two""\nthree",1,true\r\n');
  });

  it('never lets a typed justification run as a spreadsheet formula', () => {
    expect(toCsv(columns, [{ a: '=HYPERLINK("x")', n: -1, ok: true }])).toBe(`a,n,ok\r\n"'=HYPERLINK(""x"")",-1,true\r\n`);
    expect(toCsv(columns, [{ a: '@SUM(A1)', n: 1, ok: true }]).split('\r\n')[1]).toBe("'@SUM(A1),1,true");
  });

  it('writes only the header for an empty report', () => {
    expect(toCsv(columns, [])).toBe('a,n,ok\r\n');
  });
});
