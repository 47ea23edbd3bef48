import { deadlineSoonAt, eventKey } from './email-notifications';
import { EMAIL_KINDS, EMAIL_LANGUAGES, formatDue, profilesInWords, renderEmail } from './email-templates';
import { PROFILE_NAMES } from './profile-names';

const facts = { caseNumber: 'KGM-2026-000042', profiles: ['TRAFFICKING_VICTIM', 'ASYLUM_SEEKER'], dueAt: new Date('2026-12-07T14:30:00.000Z'), link: 'https://kivuko.example.org/cases/3f1c', step: 2 };

describe('the e-mails of referral events', () => {
  it.each(EMAIL_LANGUAGES.flatMap((language) => EMAIL_KINDS.map((kind) => [kind, language] as const)))('%s in %s says the case number, the profiles in words, the due time and the link, in text and HTML', (kind, language) => {
    const email = renderEmail(kind, language, facts);
    const words = [PROFILE_NAMES[language].TRAFFICKING_VICTIM, PROFILE_NAMES[language].ASYLUM_SEEKER];
    for (const part of [email.text, email.html]) {
      expect(part).toContain('KGM-2026-000042');
      for (const word of words) expect(part).toContain(part === email.html ? word.replace(/'/g, '&#39;') : word);
      expect(part).toContain(formatDue(facts.dueAt, language));
      expect(part).toContain('https://kivuko.example.org/cases/3f1c');
    }
    expect(email.subject).toContain('KGM-2026-000042');
    for (const word of words) expect(email.subject).toContain(word);
    // No profile code anywhere: not in the subject, the text or the HTML.
    expect([email.subject, email.text, email.html].join('\n')).not.toMatch(/TRAFFICKING_VICTIM|ASYLUM_SEEKER/);
    expect(email.html).toContain(`lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
  });

  it('writes each kind differently in each language (no language falls back to another)', () => {
    const subjects = EMAIL_LANGUAGES.flatMap((language) => EMAIL_KINDS.map((kind) => renderEmail(kind, language, facts).subject));
    expect(new Set(subjects).size).toBe(EMAIL_LANGUAGES.length * EMAIL_KINDS.length);
  });

  it("writes every profile in words in every language, listed with the language's own comma", () => {
    for (const language of EMAIL_LANGUAGES) {
      for (const [code, name] of Object.entries(PROFILE_NAMES[language])) {
        expect(name).not.toBe(code);
        expect(name).not.toMatch(/^[A-Z_]+$/);
      }
    }
    expect(profilesInWords(['TRAFFICKING_VICTIM', 'ASYLUM_SEEKER'], 'en')).toBe('Victim of trafficking, Asylum-seeker');
    expect(profilesInWords(['TRAFFICKING_VICTIM', 'ASYLUM_SEEKER'], 'ar')).toBe('ضحية الاتجار بالبشر، طالب لجوء');
    expect(profilesInWords(['NOT_A_PROFILE', 'MIGRANT'], 'sw')).toBe('Mhamiaji');
  });

  it('names the escalation step in an escalation only', () => {
    expect(renderEmail('ESCALATION', 'en', facts).text).toContain('Escalation step: 2');
    expect(renderEmail('NEW_REFERRAL', 'en', facts).text).not.toContain('Escalation step');
  });

  it('gives the due time in UTC, in the language', () => {
    expect(formatDue(facts.dueAt, 'en')).toBe('7 Dec 2026, 14:30 UTC');
    expect(formatDue(facts.dueAt, 'fr')).toMatch(/^7 déc\. 2026.*14:30 UTC$/);
  });

  it('escapes what it puts into HTML', () => {
    const email = renderEmail('NEW_REFERRAL', 'en', { ...facts, caseNumber: '<b>x</b>', link: 'https://e.org/?a=1&b="2"' });
    expect(email.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(email.html).toContain('href="https://e.org/?a=1&amp;b=&quot;2&quot;"');
    expect(email.html).not.toContain('<b>x</b>');
  });
});

describe('when an unacknowledged referral is e-mailed before its deadline', () => {
  const now = new Date('2026-12-07T10:00:00.000Z');

  it('is an hour before the due time', () => {
    expect(deadlineSoonAt(new Date('2026-12-07T14:00:00.000Z'), now)).toEqual(new Date('2026-12-07T13:00:00.000Z'));
  });

  it('is never when the referral arrives with an hour or less left (its first e-mail says when it is due)', () => {
    expect(deadlineSoonAt(new Date('2026-12-07T11:00:00.000Z'), now)).toBeUndefined();
    expect(deadlineSoonAt(new Date('2026-12-07T10:30:00.000Z'), now)).toBeUndefined();
  });

  it('keys each event once: a new referral once, an escalation once per step, a deadline once per due time', () => {
    expect(eventKey('NEW_REFERRAL', 'r1')).toBe('NEW_REFERRAL:r1');
    expect(eventKey('ESCALATION', 'r1', 2)).not.toBe(eventKey('ESCALATION', 'r1', 3));
    expect(eventKey('DEADLINE_SOON', 'r1', '2026-12-07T14:00:00.000Z')).toBe('DEADLINE_SOON:r1:2026-12-07T14:00:00.000Z');
  });
});
