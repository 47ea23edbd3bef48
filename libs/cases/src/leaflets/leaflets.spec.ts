import { LEAFLET_REVIEW_STATUSES, LEAFLET_TOPICS } from './leaflet';
import { LEAFLETS, leafletIn } from './leaflets';

describe('the rights leaflets', () => {
  const english = leafletIn('en')!;

  it('exist in en, fr, pt, sw, ar, am, so and ti, each once, with the same version', () => {
    expect(LEAFLETS.map((l) => l.language)).toEqual(['en', 'fr', 'pt', 'sw', 'ar', 'am', 'so', 'ti']);
    expect(new Set(LEAFLETS.map((l) => l.version))).toEqual(new Set(['2026.1']));
    for (const leaflet of LEAFLETS) expect([leaflet.language, /^\d{4}\.\d+$/.test(leaflet.version) && `${leaflet.language}@${leaflet.version}`.length <= 40]).toEqual([leaflet.language, true]);
  });

  it.each(LEAFLETS.map((l) => [l.language, l] as const))('%s: has every topic once, in order, each with a heading and a body of short sentences', (_language, leaflet) => {
    expect(leaflet.sections.map((s) => s.topic)).toEqual([...LEAFLET_TOPICS]);
    expect(leaflet.title.trim().length).toBeGreaterThan(0);
    for (const section of leaflet.sections) {
      expect([section.topic, section.heading.trim().length > 0, section.body.trim().length > 40]).toEqual([section.topic, true, true]);
      // Plain language: no sentence longer than 45 words (the body is read aloud).
      const longest = Math.max(...section.body.split(/[.!?።]\s*/).map((sentence) => sentence.split(/\s+/).filter(Boolean).length));
      expect([section.topic, longest <= 45]).toEqual([section.topic, true]);
    }
    expect(LEAFLET_REVIEW_STATUSES).toContain(leaflet.reviewStatus);
  });

  it('are translations, not English left in place', () => {
    for (const leaflet of LEAFLETS.filter((l) => l.language !== 'en')) {
      expect(leaflet.title).not.toBe(english.title);
      leaflet.sections.forEach((section, i) => expect([leaflet.language, section.topic, section.body === english.sections[i].body]).toEqual([leaflet.language, section.topic, false]));
    }
  });

  it('read right to left in Arabic only', () => {
    expect(LEAFLETS.filter((l) => l.direction === 'rtl').map((l) => l.language)).toEqual(['ar']);
  });

  it('say which still wait for a native speaker’s review: Amharic, Somali and Tigrinya', () => {
    expect(Object.fromEntries(LEAFLETS.map((l) => [l.language, l.reviewStatus]))).toEqual({
      en: 'SOURCE',
      fr: 'GLOSSARY_CHECKED',
      pt: 'GLOSSARY_CHECKED',
      sw: 'GLOSSARY_CHECKED',
      ar: 'GLOSSARY_CHECKED',
      am: 'NATIVE_REVIEW_PENDING',
      so: 'NATIVE_REVIEW_PENDING',
      ti: 'NATIVE_REVIEW_PENDING',
    });
  });

  it('tell how to withdraw consent, in the data-use section', () => {
    const dataUse = english.sections.find((s) => s.topic === 'DATA_USE')!;
    expect(dataUse.body).toContain('withdraw your consent at any time');
  });

  it('has no leaflet for an unknown language', () => {
    expect([leafletIn('xx'), leafletIn('EN'), leafletIn('')]).toEqual([undefined, undefined, undefined]);
  });
});
