/**
 * The e-mails of referral events, in the five UI languages: plain text and a simple HTML part. They carry
 * the case number, the profiles, the first-contact due time and a link — never a name or a narrative: an
 * e-mail leaves the system's protection, so it says only enough for the duty officer to open the case.
 * The profiles are written out in the recipient's language (the names the web app shows), never as codes.
 */
import { isProfileCode } from '@kivuko/profiling';
import { PROFILE_NAMES } from './profile-names';

export const EMAIL_KINDS = ['NEW_REFERRAL', 'DEADLINE_SOON', 'ESCALATION'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_LANGUAGES = ['en', 'fr', 'pt', 'sw', 'ar'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** Everything an e-mail may say, and nothing more. */
export interface EmailFacts {
  caseNumber: string;
  /** The profile codes: the e-mail writes them out in its language. */
  profiles: readonly string[];
  dueAt: Date;
  /** Where the case opens in the web app. */
  link: string;
  /** The escalation step reached (ESCALATION only). */
  step?: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: Record<EmailKind, (caseNumber: string) => string>;
  lead: Record<EmailKind, string>;
  caseNumber: string;
  profiles: string;
  dueAt: string;
  step: string;
  open: string;
  footer: string;
}

const WORDING: Record<EmailLanguage, Wording> = {
  en: {
    subject: {
      NEW_REFERRAL: (n) => `New referral: case ${n}`,
      DEADLINE_SOON: (n) => `First-contact deadline soon: case ${n}`,
      ESCALATION: (n) => `Escalation: case ${n}`,
    },
    lead: {
      NEW_REFERRAL: 'A new referral has reached your agency.',
      DEADLINE_SOON: 'Nobody has acknowledged this referral yet, and its first-contact deadline is near.',
      ESCALATION: 'This referral has passed its first-contact deadline and has been escalated to your agency.',
    },
    caseNumber: 'Case number',
    profiles: 'Profiles',
    dueAt: 'First contact due',
    step: 'Escalation step',
    open: 'Open the case',
    footer: 'This e-mail never carries names or case details: sign in to Kivuko to read them.',
  },
  fr: {
    subject: {
      NEW_REFERRAL: (n) => `Nouvelle référence : cas ${n}`,
      DEADLINE_SOON: (n) => `Délai de premier contact bientôt atteint : cas ${n}`,
      ESCALATION: (n) => `Remontée au superviseur : cas ${n}`,
    },
    lead: {
      NEW_REFERRAL: 'Une nouvelle référence est arrivée dans votre organisme.',
      DEADLINE_SOON: "Personne n'a encore accusé réception de cette référence, et son délai de premier contact approche.",
      ESCALATION: 'Cette référence est en retard sur son délai de premier contact et a été remontée à votre organisme.',
    },
    caseNumber: 'Identifiant du cas',
    profiles: 'Profils',
    dueAt: 'Premier contact avant',
    step: 'Étape de remontée',
    open: 'Ouvrir le cas',
    footer: 'Cet e-mail ne contient jamais de nom ni de détail du cas : connectez-vous à Kivuko pour les lire.',
  },
  pt: {
    subject: {
      NEW_REFERRAL: (n) => `Novo encaminhamento: caso ${n}`,
      DEADLINE_SOON: (n) => `Prazo do primeiro contacto próximo: caso ${n}`,
      ESCALATION: (n) => `Escalonamento: caso ${n}`,
    },
    lead: {
      NEW_REFERRAL: 'Um novo encaminhamento chegou à sua agência.',
      DEADLINE_SOON: 'Ninguém confirmou ainda a receção deste encaminhamento e o prazo do primeiro contacto está próximo.',
      ESCALATION: 'Este encaminhamento está atrasado no prazo do primeiro contacto e foi escalonado para a sua agência.',
    },
    caseNumber: 'ID do caso',
    profiles: 'Perfis',
    dueAt: 'Primeiro contacto até',
    step: 'Etapa de escalonamento',
    open: 'Abrir o caso',
    footer: 'Este e-mail nunca contém nomes nem detalhes do caso: entre no Kivuko para os ler.',
  },
  sw: {
    subject: {
      NEW_REFERRAL: (n) => `Rufaa mpya: shauri ${n}`,
      DEADLINE_SOON: (n) => `Muda wa mawasiliano ya kwanza unakaribia: shauri ${n}`,
      ESCALATION: (n) => `Kupeleka kwa msimamizi: shauri ${n}`,
    },
    lead: {
      NEW_REFERRAL: 'Rufaa mpya imefika kwenye taasisi yako.',
      DEADLINE_SOON: 'Hakuna aliyekiri kupokea rufaa hii bado, na muda wa mawasiliano ya kwanza unakaribia.',
      ESCALATION: 'Rufaa hii imechelewa kupita muda wa mawasiliano ya kwanza na imepelekwa kwa taasisi yako.',
    },
    caseNumber: 'Utambulisho wa shauri',
    profiles: 'Wasifu',
    dueAt: 'Mawasiliano ya kwanza kabla ya',
    step: 'Hatua ya kupeleka kwa msimamizi',
    open: 'Fungua shauri',
    footer: 'Barua pepe hii haina majina wala maelezo ya shauri: ingia kwenye Kivuko kuyasoma.',
  },
  ar: {
    subject: {
      NEW_REFERRAL: (n) => `إحالة جديدة: الحالة ${n}`,
      DEADLINE_SOON: (n) => `موعد الاتصال الأول يقترب: الحالة ${n}`,
      ESCALATION: (n) => `تصعيد: الحالة ${n}`,
    },
    lead: {
      NEW_REFERRAL: 'وصلت إحالة جديدة إلى جهتكم.',
      DEADLINE_SOON: 'لم يؤكد أحد استلام هذه الإحالة بعد، وموعد الاتصال الأول يقترب.',
      ESCALATION: 'تجاوزت هذه الإحالة موعد الاتصال الأول وتم تصعيدها إلى جهتكم.',
    },
    caseNumber: 'رقم الحالة',
    profiles: 'الملفات',
    dueAt: 'موعد الاتصال الأول',
    step: 'مرحلة التصعيد',
    open: 'فتح الحالة',
    footer: 'لا يحتوي هذا البريد أبدًا على أسماء أو تفاصيل الحالة: سجّل الدخول إلى Kivuko لقراءتها.',
  },
};

const LOCALE: Record<EmailLanguage, string> = { en: 'en-GB', fr: 'fr-FR', pt: 'pt-PT', sw: 'sw-TZ', ar: 'ar' };

export const isEmailLanguage = (value: string): value is EmailLanguage => (EMAIL_LANGUAGES as readonly string[]).includes(value);

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The due time in the language's own words, in UTC (the recipients may sit in several time zones). */
export function formatDue(dueAt: Date, language: EmailLanguage): string {
  return `${new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(dueAt)} UTC`;
}

/** The profiles in the language's words, listed as the language lists them (Arabic with its own comma). */
export function profilesInWords(profiles: readonly string[], language: EmailLanguage): string {
  // A code the profiling context does not know cannot reach a referral; were one to, it is left out rather than shown raw.
  const names = profiles.filter(isProfileCode).map((code) => PROFILE_NAMES[language][code]);
  return names.join(language === 'ar' ? '، ' : ', ');
}

export function renderEmail(kind: EmailKind, language: EmailLanguage, facts: EmailFacts): RenderedEmail {
  const w = WORDING[language];
  const profiles = profilesInWords(facts.profiles, language);
  const rows: [string, string][] = [
    [w.caseNumber, facts.caseNumber],
    [w.profiles, profiles],
    [w.dueAt, formatDue(facts.dueAt, language)],
    ...(kind === 'ESCALATION' && facts.step !== undefined ? ([[w.step, String(facts.step)]] as [string, string][]) : []),
  ];
  const text = [w.lead[kind], '', ...rows.map(([label, value]) => `${label}: ${value}`), '', `${w.open}: ${facts.link}`, '', w.footer, ''].join('\n');
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const html = [
    `<!doctype html><html lang="${language}" dir="${dir}"><body style="font-family: system-ui, sans-serif; color: #1f2933;">`,
    `<p>${escapeHtml(w.lead[kind])}</p>`,
    '<table style="border-collapse: collapse;">',
    ...rows.map(([label, value]) => `<tr><th style="text-align: start; padding: 2px 12px 2px 0; font-weight: 600;">${escapeHtml(label)}</th><td><bdi>${escapeHtml(value)}</bdi></td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(facts.link)}">${escapeHtml(w.open)}</a></p>`,
    `<p style="color: #52606d; font-size: 0.9em;">${escapeHtml(w.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  const subject = w.subject[kind](facts.caseNumber);
  return { subject: profiles ? `${subject} (${profiles})` : subject, text, html };
}
