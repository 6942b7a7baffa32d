import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTION_BAND, svgPicture, xmlEscape } from '../../../src/core/export/svg.ts';
import type { SvgScene } from '../../../src/core/export/svg.ts';

const scene = (label: string): SvgScene => ({
  width: 200, height: 100, background: '#fff',
  edges: [{ x1: 10, y1: 10, x2: 50.123, y2: 60, color: '#ccc', width: 1 }],
  nodes: [
    { x: 10, y: 10, radius: 4, color: '#4477aa', ring: { color: '#ee6677', width: 1.5 }, label },
    { x: 50.123, y: 60, radius: 3, color: '#228833', label: null },
  ],
  label: { font: 'sans-serif', size: 12, weight: '500', color: '#333' },
  title: 'T & co',
});

describe('svgPicture', () => {
  it('svgPicture draws edges, nodes with rings and the shown labels, in viewport pixels', () => {
    const svg = svgPicture(scene('Evo Morales'));
    expect(svg).toContain('<line x1="10" y1="10" x2="50.12" y2="60" stroke="#ccc" stroke-width="1"/>');
    expect(svg).toContain('<circle cx="10" cy="10" r="4" fill="#ee6677"/>');
    expect(svg).toContain('<circle cx="10" cy="10" r="2.5" fill="#4477aa"/>');
    expect(svg).toContain('<circle cx="50.12" cy="60" r="3" fill="#228833"/>');
    expect(svg).toContain('>Evo Morales</text>');
    expect(svg.match(/<text /g)).toHaveLength(1);
    expect(svg).toContain('<title>T &amp; co</title>');
  });

  it('svgPicture keeps any label as text: markup and XML-invalid characters never reach the file', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (label) => {
      const svg = svgPicture(scene(`x${label}`));
      const text = /<text [^>]*>([^<]*)<\/text>/.exec(svg)![1]!;
      expect(text).not.toMatch(/[<>"]/);
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      const unescaped = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      expect(unescaped.length).toBeLessThanOrEqual(label.length + 1);
    }));
    expect(xmlEscape('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('svgPicture with a caption writes it under the graph, in a band of its own, and as the description', () => {
    const svg = svgPicture({ ...scene('Evo Morales'), caption: 'slice: tag <SNAR> & PTER' });
    expect(svg).toContain(`height="${100 + CAPTION_BAND}" viewBox="0 0 200 ${100 + CAPTION_BAND}"`);
    expect(svg).toContain('<desc>slice: tag &lt;SNAR&gt; &amp; PTER</desc>');
    const caption = /<text class="caption" x="8" y="([\d.]+)"[^>]*>([^<]*)<\/text>/.exec(svg)!;
    expect(caption[2]).toBe('slice: tag &lt;SNAR&gt; &amp; PTER');
    // Below the graph's 100 pixels, inside the picture.
    expect(Number(caption[1])).toBeGreaterThan(100);
    expect(Number(caption[1])).toBeLessThan(100 + CAPTION_BAND);
    // Without one, the picture is the graph's size and says nothing more.
    const plain = svgPicture(scene('Evo Morales'));
    expect(plain).toContain('height="100" viewBox="0 0 200 100"');
    expect(plain).not.toContain('<desc>');
    expect(plain).not.toContain('caption');
  });
});
