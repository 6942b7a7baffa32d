import { describe, expect, it } from 'vitest';
import { findArtefacts } from '../../../src/core/cable/artefacts.ts';
import { readCable } from '../../../src/core/cable/read-cable.ts';

/** An annotated file as the tagger writes it (as in read-cable.test.ts). */
const annotated = (...lines: string[]) => `<code><pre>${lines.join(' \n')}</pre></code> \n`;
const anchor = (n: number) => `<a id='par${n}' href='#par${n}'>¶</a>${n} .`;
const cut = (s: string, ref = { origin: 'PARIS', serial: '002242' }) =>
  findArtefacts(s, 0, s.length, ref).map((a) => [a.kind, s.slice(a.start, a.end)]);

describe('findArtefacts', () => {
  it('finds a page break with the tagged post, and only the cable own serial', () => {
    expect(cut('would be more [LOC PARIS  ] 00002242 004 OF 004 highly valued')).toEqual([['page-break', '[LOC PARIS  ] 00002242 004 OF 004']]);
    expect(cut('see [LOC PARIS  ] 00001111 004 OF 004 as before')).toEqual([]);
  });

  it('takes a post of two words split by the tagger, a post cut short by the printout, sub-pages and a tagged page count', () => {
    expect(cut("'s [LOC LA  ] PAZ 00002910 003 OF 005 \" legitimate", { origin: 'LA PAZ', serial: '002910' }))
      .toEqual([['page-break', '[LOC LA  ] PAZ 00002910 003 OF 005']]);
    expect(cut('to weaken [ORG BUENOS  ] AIR 00001462 002 OF 005 the p', { origin: 'BUENOS AIRES', serial: '001462' }))
      .toEqual([['page-break', '[ORG BUENOS  ] AIR 00001462 002 OF 005']]);
    expect(cut('x CARACAS 00000958 002.2 OF 005 y', { origin: 'CARACAS', serial: '000958' })).toEqual([['page-break', 'CARACAS 00000958 002.2 OF 005']]);
    expect(cut('" [LOC OTTAWA  ] 00000918 003.2 OF [LOC 003  ] next', { origin: 'OTTAWA', serial: '000918' }))
      .toEqual([['page-break', '[LOC OTTAWA  ] 00000918 003.2 OF [LOC 003  ]']]);
  });

  it('finds old telegram page headers with their time group and routing list', () => {
    const s = 'A CONFIDENTIAL PAGE 04 HARARE 06677 01 OF 03 291400Z COALITION GOVERNMENT';
    expect(cut(s, { origin: 'HARARE', serial: '006677' })).toEqual([['page-header', 'CONFIDENTIAL PAGE 04 HARARE 06677 01 OF 03 291400Z']]);
    const r = 'LONG , CONFIDENTIAL CONFIDENTIAL PTQ1865 PAGE 01 HARARE 06677 02 OF 03 291401Z ACTION AF-00 INFO LOG-00 NP-00 /012W THE';
    expect(cut(r, { origin: 'HARARE', serial: '006677' })[0]![1]).toBe('CONFIDENTIAL CONFIDENTIAL PTQ1865 PAGE 01 HARARE 06677 02 OF 03 291401Z ACTION AF-00 INFO LOG-00 NP-00 /012W');
  });

  it('finds footers of the published pages: Classified Website, Intelink, the SIPRNET line and rulers', () => {
    const s = 'support . ***** ***** Visit Embassy [LOC Tel  ] Aviv \'s Classified Website: http://www.state.sgov.gov/p/nea/telaviv You can also access this site through the [ORG State Department  ] \'s Classified SIPRNET website . ***** ***** [PER JONES  ]';
    expect(cut(s, { origin: 'TEL AVIV', serial: '000022' })).toEqual([['footer', s.slice(s.indexOf('*****'), s.lastIndexOf('*****') + 5)]]);
    const l = "Visit [LOC London  ] ’s Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom LEBARON";
    expect(cut(l)).toEqual([['footer', l.slice(0, l.indexOf(' LEBARON'))]]);
    expect(cut('Track [LOC Munich  ] reporting at http://www.intelink.sgov.gov/wiki/Portal:Germ any .')[0]![1]).toContain('Germ any');
  });

  it('leaves a sentence about the classified site alone', () => {
    expect(cut("operations ( available on Embassy Rome 's Classified web site ) . ENI 's view")).toEqual([]);
  });

  it('never cuts a mention in two', () => {
    const s = '[PER Counselor Richard 00002242 002 OF 004 Alb  ] said';
    const [a] = findArtefacts(s, 0, s.length, { origin: '', serial: '' });
    expect(s.slice(a!.start, a!.end)).toBe('[PER Counselor Richard 00002242 002 OF 004 Alb  ]');
  });
});

describe('readCable without artefacts in paragraphs', () => {
  it('blanks page breaks and footers: no text, no mention, a diagnostic each, offsets and lines intact', () => {
    const text = annotated(
      `C O N F I D E N T I A L SECTION 01 OF 02 [LOC PARIS  ] 002242 SIPDIS TAGS: PREL SUBJECT: X ${anchor(1)}`,
      '( C ) [PER Sarkozy  ] met the [ORG Elysee  ] [LOC PARIS  ] 00002242 002 OF 002 and [LOC Iran  ] .',
      "Please visit [LOC Paris  ] ' Classified Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm",
      'STAPLETON',
    );
    const { cable, diagnostics } = readCable(text, 'f.txt');
    const p = cable!.paragraphs[0]!;
    expect(p.text).toBe('(C) Sarkozy met the Elysee and Iran.');
    expect(p.mentions.map((m) => m.text)).toEqual(['Sarkozy', 'Elysee', 'Iran']);
    for (const m of p.mentions) expect(p.text.slice(m.start, m.end)).toBe(m.text);
    expect(cable!.header.signature).toBe('STAPLETON');
    const codes = diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(['page-break', 2]);
    expect(codes).toContainEqual(['footer', 3]);
    expect(diagnostics.filter((d) => d.code === 'artefact-mention')).toHaveLength(2);
  });

  it('keeps the header of a cable without anchors out of its paragraph', () => {
    const text = annotated(
      'S E C R E T [LOC BERLIN  ] 000406 SIPDIS E.O. 12958: DECL: 04/03/2034 TAGS: PARM SUBJECT: GERMANY ACTS Classified By: [PER John Koenig  ] for reasons 1.4 ( b ) and ( d ) . ( S ) [LOC Germany  ] acted .',
      'More text .',
    );
    const { cable } = readCable(text, 'g.txt');
    expect(cable!.header.subject).toBe('GERMANY ACTS');
    expect(cable!.paragraphs.map((p) => p.text)).toEqual(['(S) Germany acted. More text.']);
  });

  it('reads a one-line cable cut short after its header as a header with no paragraph', () => {
    const { cable } = readCable(annotated('C O N F I D E N T I A L [LOC BERLIN  ] 001273 SIPDIS TAGS: PREL SUBJECT: GERMANS MAY SURGE ...'), 'h.txt');
    expect(cable!.paragraphs).toEqual([]);
    expect(cable!.header.subject).toContain('GERMANS MAY SURGE');
  });
});
