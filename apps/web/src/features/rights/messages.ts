import { defineMessages } from '../../i18n/define-messages';

export const leafletMessages = defineMessages({
  pageTitle: { id: 'leaflet.pageTitle', defaultMessage: 'Rights information for the person' },
  intro: {
    id: 'leaflet.intro',
    defaultMessage: 'Choose the language the person reads best. Show the leaflet on screen or print it, and give it before the interview.',
  },
  language: { id: 'leaflet.language', defaultMessage: 'Language of the leaflet' },
  paper: { id: 'leaflet.paper', defaultMessage: 'Paper size' },
  largeText: { id: 'leaflet.largeText', defaultMessage: 'Large text' },
  print: { id: 'leaflet.print', defaultMessage: 'Print' },
  version: { id: 'leaflet.version', defaultMessage: '{language} · version {version}' },
  paperA4: { id: 'leaflet.paper.A4', defaultMessage: 'A4' },
  paperA5: { id: 'leaflet.paper.A5', defaultMessage: 'A5' },
  reviewPending: {
    id: 'leaflet.reviewPending',
    defaultMessage: 'This translation is waiting for review by a qualified translator. Where you can, check it with an interpreter.',
  },
  notFound: { id: 'leaflet.notFound', defaultMessage: 'There is no leaflet in this language. Choose another language.' },
  loadFailed: { id: 'leaflet.loadFailed', defaultMessage: 'The leaflet could not be loaded.' },
});

/** Each leaflet language by its own name (the same in every catalog: the person finds their language). */
export const leafletLanguageNames = defineMessages({
  en: { id: 'leaflet.lang.en', defaultMessage: 'English' },
  fr: { id: 'leaflet.lang.fr', defaultMessage: 'Français' },
  pt: { id: 'leaflet.lang.pt', defaultMessage: 'Português' },
  sw: { id: 'leaflet.lang.sw', defaultMessage: 'Kiswahili' },
  ar: { id: 'leaflet.lang.ar', defaultMessage: 'العربية' },
  am: { id: 'leaflet.lang.am', defaultMessage: 'አማርኛ' },
  so: { id: 'leaflet.lang.so', defaultMessage: 'Soomaali' },
  ti: { id: 'leaflet.lang.ti', defaultMessage: 'ትግርኛ' },
});

export const consentMessages = defineMessages({
  title: { id: 'consent.title', defaultMessage: 'Consent' },
  titleCase: { id: 'consent.titleCase', defaultMessage: 'Consent: case {caseNumber}' },
  intro: {
    id: 'consent.intro',
    defaultMessage: 'Ask the person, in a language they understand, whether they agree that their information goes to each agency, and for what. Record their answer as they give it.',
  },
  summaryTitle: { id: 'consent.summaryTitle', defaultMessage: 'Consent and legal bases' },
  none: { id: 'consent.none', defaultMessage: 'No consent recorded yet.' },
  loadFailed: { id: 'consent.loadFailed', defaultMessage: 'The consents could not be loaded.' },
  colPurpose: { id: 'consent.col.purpose', defaultMessage: 'Purpose' },
  colRecipient: { id: 'consent.col.recipient', defaultMessage: 'Recipient' },
  colDecision: { id: 'consent.col.decision', defaultMessage: 'Decision' },
  colRecorded: { id: 'consent.col.recorded', defaultMessage: 'Recorded' },
  colActions: { id: 'consent.col.actions', defaultMessage: 'Actions' },
  purposeREFERRAL: { id: 'consent.purpose.REFERRAL', defaultMessage: 'Referral' },
  purposeDATA_SHARING: { id: 'consent.purpose.DATA_SHARING', defaultMessage: 'Sharing information' },
  purposeFAMILY_TRACING: { id: 'consent.purpose.FAMILY_TRACING', defaultMessage: 'Family tracing' },
  purposeSTATISTICS: { id: 'consent.purpose.STATISTICS', defaultMessage: 'Statistics' },
  decisionGIVEN: { id: 'consent.decision.GIVEN', defaultMessage: 'Given' },
  decisionREFUSED: { id: 'consent.decision.REFUSED', defaultMessage: 'Refused' },
  decisionLEGAL_BASIS: { id: 'consent.decision.LEGAL_BASIS', defaultMessage: 'Legal basis: {basis}' },
  withdrawn: { id: 'consent.withdrawn', defaultMessage: 'Withdrawn {date}' },
  anyAgencyOfKind: { id: 'consent.anyAgencyOfKind', defaultMessage: 'Any agency: {kind}' },
  askedIn: { id: 'consent.askedIn', defaultMessage: 'asked in {language}' },
  withdraw: { id: 'consent.withdraw', defaultMessage: 'Withdraw' },
  withdrawLabel: { id: 'consent.withdrawLabel', defaultMessage: 'Withdraw the consent for {purpose} to {recipient}' },
  withdrawnDone: { id: 'consent.withdrawnDone', defaultMessage: 'The consent was withdrawn.' },
  waitingTitle: { id: 'consent.waitingTitle', defaultMessage: 'Referrals waiting for consent' },
  waitingNone: { id: 'consent.waitingNone', defaultMessage: 'No referral of this case is waiting for consent.' },
  waitingFor: { id: 'consent.waitingFor', defaultMessage: 'Waits for consent to: {purposes}' },
  referralClosed: { id: 'consent.referralClosed', defaultMessage: 'No longer going ahead' },
  released: { id: 'consent.released', defaultMessage: 'Sent to the agency' },
  awaiting: { id: 'consent.awaiting', defaultMessage: 'Waiting for consent' },
  recordFor: { id: 'consent.recordFor', defaultMessage: 'Record the answer for {agency}' },
  otherReferrals: { id: 'consent.otherReferrals', defaultMessage: 'Referrals already sent' },
  formTitle: { id: 'consent.formTitle', defaultMessage: 'Record an answer' },
  purpose: { id: 'consent.purpose', defaultMessage: 'Purpose' },
  recipient: { id: 'consent.recipient', defaultMessage: 'Recipient' },
  recipientKind: { id: 'consent.recipientKind', defaultMessage: 'Every agency of this kind: {kind}' },
  recipientAgency: { id: 'consent.recipientAgency', defaultMessage: '{agency} only' },
  decision: { id: 'consent.decision', defaultMessage: 'The person’s answer' },
  given: { id: 'consent.given', defaultMessage: 'Agrees' },
  refused: { id: 'consent.refused', defaultMessage: 'Does not agree' },
  askedLanguage: { id: 'consent.askedLanguage', defaultMessage: 'Language the question was asked in' },
  record: { id: 'consent.record', defaultMessage: 'Record the answer' },
  recorded: { id: 'consent.recordedDone', defaultMessage: 'The answer was recorded.' },
  releasedNow: {
    id: 'consent.releasedNow',
    defaultMessage: '{count, plural, one {# referral was sent to the agency} other {# referrals were sent to the agencies}} now that consent is on record.',
  },
  refusedStillHeld: { id: 'consent.refusedStillHeld', defaultMessage: 'The referral stays held: it goes nowhere without consent or a legal basis.' },
  openConsent: { id: 'consent.open', defaultMessage: 'Record or review consent' },
  summaryLine: { id: 'consent.summaryLine', defaultMessage: '{purpose}: {decision}' },
  summaryLineTo: { id: 'consent.summaryLineTo', defaultMessage: '{purpose} ({recipient}): {decision}' },
  interpreter: { id: 'consent.interpreter', defaultMessage: 'Interpreter' },
  interpreterUsed: { id: 'consent.interpreterUsed', defaultMessage: 'An interpreter helped ask' },
  interpreterName: { id: 'consent.interpreterName', defaultMessage: 'Interpreter’s name (optional)' },
  throughInterpreter: { id: 'consent.throughInterpreter', defaultMessage: 'through an interpreter' },
  throughInterpreterNamed: { id: 'consent.throughInterpreterNamed', defaultMessage: 'through an interpreter: {name}' },
  noInterpreter: { id: 'consent.noInterpreter', defaultMessage: 'no interpreter' },
  useLegalBasis: { id: 'consent.useLegalBasis', defaultMessage: 'Not asked: a legal basis stands in' },
  legalBasis: { id: 'consent.legalBasis', defaultMessage: 'Legal basis' },
  legalBasisReason: { id: 'consent.legalBasisReason', defaultMessage: 'Why a legal basis stands in for consent' },
  legalBasisReasonHint: { id: 'consent.legalBasisReasonHint', defaultMessage: 'At least {min, number} characters. The record keeps it with your name.' },
  summaryWaiting: { id: 'consent.summaryWaiting', defaultMessage: '{count, plural, one {# referral waits} other {# referrals wait}} for consent' },
});

/** The legal bases that may stand in for consent. */
export const legalBasisMessages = defineMessages({
  CHILD_BEST_INTERESTS: { id: 'legalBasis.CHILD_BEST_INTERESTS', defaultMessage: 'the child’s best interests' },
  LEGAL_OBLIGATION: { id: 'legalBasis.LEGAL_OBLIGATION', defaultMessage: 'a legal obligation' },
  VITAL_INTEREST: { id: 'legalBasis.VITAL_INTEREST', defaultMessage: 'the person’s vital interest' },
  CHILD_PROTECTION_MANDATE: { id: 'legalBasis.CHILD_PROTECTION_MANDATE', defaultMessage: 'the child-protection mandate' },
});

/** The api's consent and safeguard refusals, in plain words. */
export const consentErrorMessages = defineMessages({
  'CONSENT.LEGAL_BASIS_NOT_PERMITTED': {
    id: 'error.CONSENT.LEGAL_BASIS_NOT_PERMITTED',
    defaultMessage: 'Only a supervisor or agency manager may record a legal basis instead of consent.',
  },
  'CONSENT.NOT_YOURS_TO_WITHDRAW': {
    id: 'error.CONSENT.NOT_YOURS_TO_WITHDRAW',
    defaultMessage: 'Only the agency that recorded this consent, an official of the border point of arrival, the lead agency or a supervisor may withdraw it.',
  },
  'CONSENT.NOT_WITHDRAWABLE': { id: 'error.CONSENT.NOT_WITHDRAWABLE', defaultMessage: 'A refusal is not withdrawn: if the person now agrees, record their consent.' },
  'CONSENT.ALREADY_WITHDRAWN': { id: 'error.CONSENT.ALREADY_WITHDRAWN', defaultMessage: 'This consent was already withdrawn.' },
  'CONSENT.NOT_FOUND': { id: 'error.CONSENT.NOT_FOUND', defaultMessage: 'This consent no longer exists. Reload the page.' },
  'CONSENT.INVALID': { id: 'error.CONSENT.INVALID', defaultMessage: 'The answer could not be recorded: some fields need correcting.' },
  'CASE.NOT_FOUND': { id: 'error.CASE.NOT_FOUND', defaultMessage: 'This case does not exist or is not visible to you.' },
  safeguard: {
    id: 'error.SAFEGUARD.any',
    defaultMessage: 'A safeguard stops this: the person’s protection comes first. Ask your supervisor what to do next.',
  },
  consent: { id: 'error.CONSENT.any', defaultMessage: 'This consent cannot be recorded as it is. Check the purpose and the recipient, or ask your supervisor.' },
});
