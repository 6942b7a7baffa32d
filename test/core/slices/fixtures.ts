/** A five-cable corpus with dates, posts, markings and tags chosen so every filter kind cuts something. */
import type { FixtureCable } from './fixture.ts';

export const SLICE_CABLES: FixtureCable[] = [
  {
    origin: 'LIMA', serial: 100, tags: ['PGOV'], subject: 'COCA IN THE VRAE',
    listing: { id: '06LIMA100', date: '2006-01-15 10:00', origin: 'Embassy Lima', classification: 'CONFIDENTIAL', tags: 'SNAR PE' },
    paragraphs: ['[ORG PNP  ] and [ORG VRAE  ] and [PER Evo Morales  ]', '[ORG PNP  ] with [ORG MAS  ]'],
  },
  {
    origin: 'LA PAZ', serial: 200, tags: ['PGOV'], subject: 'MORALES AND THE MAS', refs: ['LIMA 100'],
    listing: { id: '06LAPAZ200', date: '2006-02-01 09:00', origin: 'Embassy La Paz', classification: 'SECRET', tags: 'PGOV BL' },
    paragraphs: ['[PER Evo Morales  ] leads [ORG MAS  ]', '[ORG MAS  ] and [ORG PNP  ]'],
  },
  {
    origin: 'LIMA', serial: 300, tags: ['PTER'], subject: 'SENDERO', refs: ['06 LIMA 100', 'LA PAZ 200'],
    listing: { id: '07LIMA300', date: '2007-03-10 12:00', origin: 'Embassy Lima', classification: 'UNCLASSIFIED', tags: 'SNAR PTER' },
    paragraphs: ['[ORG PNP  ] fought [ORG SL  ] in [ORG VRAE  ]'],
  },
  {
    origin: 'LIMA', serial: 400, tags: ['PTER', 'PE'], subject: 'NO METADATA ROW', refs: ['LIMA 300', 'STATE 999'],
    paragraphs: ['[ORG SL  ] and [ORG PNP  ]'],
  },
  {
    origin: 'BOGOTA', serial: 500, tags: ['PGOV'], subject: 'FARC',
    listing: { id: '06BOGOTA500', date: '2006-02-01 23:59', origin: 'Embassy Bogota', classification: 'SECRET', tags: '' },
    paragraphs: ['[ORG FARC  ] and [ORG PNP  ]', '[ORG FARC  ] near [ORG SL  ]'],
  },
];
