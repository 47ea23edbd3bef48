import { defineMessages } from '../../i18n/define-messages';

export const sopMessages = defineMessages({
  listTitle: { id: 'sop.list.title', defaultMessage: 'Standard operating procedures' },
  listIntro: {
    id: 'sop.list.intro',
    defaultMessage: 'Every version of the joint SOP, newest first. A draft takes effect when every signatory has approved it and it is activated.',
  },
  upload: { id: 'sop.list.upload', defaultMessage: 'Upload a new version' },
  loadFailed: { id: 'sop.loadFailed', defaultMessage: 'The SOP versions could not be loaded.' },
  empty: { id: 'sop.list.empty', defaultMessage: 'No version has been uploaded yet.' },
  colVersion: { id: 'sop.col.version', defaultMessage: 'Version' },
  colStatus: { id: 'sop.col.status', defaultMessage: 'Status' },
  colEffective: { id: 'sop.col.effective', defaultMessage: 'Effective from' },
  colApprovals: { id: 'sop.col.approvals', defaultMessage: 'Approvals' },
  colCreated: { id: 'sop.col.created', defaultMessage: 'Uploaded' },
  approvalsCount: { id: 'sop.approvals.count', defaultMessage: '{approved, number} of {total, number}' },
  statusDRAFT: { id: 'sop.status.DRAFT', defaultMessage: 'Draft' },
  statusACTIVE: { id: 'sop.status.ACTIVE', defaultMessage: 'Active' },
  statusRETIRED: { id: 'sop.status.RETIRED', defaultMessage: 'Retired' },
  notSet: { id: 'sop.notSet', defaultMessage: '—' },

  // The version page
  allVersions: { id: 'sop.version.back', defaultMessage: 'All versions' },
  versionTitle: { id: 'sop.version.title', defaultMessage: 'Version {label}' },
  jurisdiction: { id: 'sop.version.jurisdiction', defaultMessage: 'Jurisdiction: {country}' },
  effectiveFrom: { id: 'sop.version.effectiveFrom', defaultMessage: 'Effective from {date}' },
  uploadedOn: { id: 'sop.version.uploadedOn', defaultMessage: 'Uploaded {date}' },
  activatedOn: { id: 'sop.version.activatedOn', defaultMessage: 'Activated {date}' },
  retiredOn: { id: 'sop.version.retiredOn', defaultMessage: 'Retired {date}' },
  activeNote: {
    id: 'sop.version.activeNote',
    defaultMessage: 'This is the version in force. It is retired only when the version that replaces it is activated, so that new cases are always routed.',
  },
  retiredNote: { id: 'sop.version.retiredNote', defaultMessage: 'This version is retired: referrals made under it keep it; it can no longer be approved or activated.' },

  approvalsTitle: { id: 'sop.approvals.title', defaultMessage: 'Approvals' },
  approvalsSummary: {
    id: 'sop.approvals.summary',
    defaultMessage: '{approved, number} of {total, plural, one {# signatory has} other {# signatories have}} approved.',
  },
  approvedOn: { id: 'sop.approvals.approvedOn', defaultMessage: 'Approved {date}' },
  stillNeeded: { id: 'sop.approvals.stillNeeded', defaultMessage: 'Approval still needed' },
  approve: { id: 'sop.approve', defaultMessage: 'Approve for {agency}' },
  approveTitle: { id: 'sop.approve.title', defaultMessage: 'Approve version {label} for {agency}?' },
  approveBody: {
    id: 'sop.approve.body',
    defaultMessage: 'Your approval is recorded with your name on behalf of your agency and cannot be taken back. Read the changes below before you approve.',
  },
  approveConfirm: { id: 'sop.approve.confirm', defaultMessage: 'Approve' },
  approved: { id: 'sop.approve.done', defaultMessage: 'Approved for {agency}.' },
  yourAgencyApproved: { id: 'sop.approve.already', defaultMessage: 'Your agency has approved this version.' },

  activate: { id: 'sop.activate', defaultMessage: 'Activate this version' },
  activateNeeds: {
    id: 'sop.activate.needs',
    defaultMessage: 'It can be activated once every signatory has approved it ({missing, plural, one {# approval} other {# approvals}} missing).',
  },
  activateTitle: { id: 'sop.activate.title', defaultMessage: 'Activate version {label}?' },
  activateNew: { id: 'sop.activate.new', defaultMessage: '{label} becomes the SOP of {country} now: every new referral is routed, and its deadlines set, under it.' },
  activateRetires: { id: 'sop.activate.retires', defaultMessage: 'Version {label}, active today, is retired at the same moment.' },
  activateNoneActive: { id: 'sop.activate.noneActive', defaultMessage: '{country} has no active version today.' },
  activateOpen: {
    id: 'sop.activate.open',
    defaultMessage: 'Open referrals keep the version they were made under: their agencies and first-contact deadlines do not change.',
  },
  activateFinal: { id: 'sop.activate.final', defaultMessage: 'This cannot be undone: to go back, upload and approve another version.' },
  activateConfirm: { id: 'sop.activate.confirm', defaultMessage: 'Activate {label}' },
  activated: { id: 'sop.activate.done', defaultMessage: '{label} is now the active version.' },
  activatedRetired: { id: 'sop.activate.doneRetired', defaultMessage: '{label} is now the active version; {retired} is retired.' },

  withdraw: { id: 'sop.withdraw', defaultMessage: 'Withdraw this draft' },
  withdrawTitle: { id: 'sop.withdraw.title', defaultMessage: 'Withdraw draft {label}?' },
  withdrawBody: { id: 'sop.withdraw.body', defaultMessage: 'The draft is retired: it can no longer be approved or activated, and the approvals given so far lapse.' },
  withdrawActive: { id: 'sop.withdraw.active', defaultMessage: 'The active version ({label}) stays in force; no referral changes.' },
  withdrawConfirm: { id: 'sop.withdraw.confirm', defaultMessage: 'Withdraw the draft' },
  withdrawn: { id: 'sop.withdraw.done', defaultMessage: 'The draft {label} was withdrawn.' },

  // The diff
  diffTitle: { id: 'sop.diff.title', defaultMessage: 'Changes' },
  compareWith: { id: 'sop.diff.compareWith', defaultMessage: 'Compared with' },
  activeVersionOption: { id: 'sop.diff.activeOption', defaultMessage: 'The active version' },
  versionOption: { id: 'sop.diff.versionOption', defaultMessage: '{label} ({status})' },
  diffSummary: {
    id: 'sop.diff.summary',
    defaultMessage: 'From {from} to {to}: {count, plural, =0 {no change} one {# change} other {# changes}}.',
  },
  diffCounts: { id: 'sop.diff.counts', defaultMessage: '{added, number} added · {removed, number} removed · {changed, number} changed' },
  noActive: { id: 'sop.diff.noActive', defaultMessage: 'There is no active version to compare with: choose a version.' },
  diffFailed: { id: 'sop.diff.failed', defaultMessage: 'The changes could not be compared.' },
  ADDED: { id: 'sop.diff.ADDED', defaultMessage: 'Added' },
  REMOVED: { id: 'sop.diff.REMOVED', defaultMessage: 'Removed' },
  CHANGED: { id: 'sop.diff.CHANGED', defaultMessage: 'Changed' },
  before: { id: 'sop.diff.before', defaultMessage: 'Before' },
  after: { id: 'sop.diff.after', defaultMessage: 'After' },
  hours: { id: 'sop.duration.hours', defaultMessage: '{count, plural, one {# hour} other {# hours}}' },
  days: { id: 'sop.duration.days', defaultMessage: '{count, plural, one {# day} other {# days}}' },

  // The simulation
  simulateTitle: { id: 'sop.simulate.title', defaultMessage: 'Simulation' },
  simulateIntro: {
    id: 'sop.simulate.introSources',
    defaultMessage:
      'Runs invented sample arrivals, or the cases registered recently, through this version and the active one, and shows for each profile which agency the case would go to. Recent cases are shown by case number only.',
  },
  simulateOn: { id: 'sop.simulate.on', defaultMessage: 'Simulate on' },
  sourceSamples: { id: 'sop.simulate.source.samples', defaultMessage: 'The invented samples' },
  sourceRecent: { id: 'sop.simulate.source.recent', defaultMessage: 'Cases of the last {days, plural, one {# day} other {# days}}' },
  simulate: { id: 'sop.simulate.run', defaultMessage: 'Run the simulation' },
  simulateAgain: { id: 'sop.simulate.again', defaultMessage: 'Run it again' },
  simulateSummary: {
    id: 'sop.simulate.summary',
    defaultMessage: '{cases, plural, one {# sample} other {# samples}}: {differ, plural, =0 {all routed as today} one {# routed differently} other {# routed differently}}.',
  },
  recentSummary: {
    id: 'sop.simulate.recentSummary',
    defaultMessage:
      '{cases, plural, =0 {No case registered} one {# case registered} other {# cases registered}} in the last {days, plural, one {# day} other {# days}}: {changed, plural, =0 {all routed as today} one {# routed differently} other {# routed differently}}.',
  },
  recentTruncated: { id: 'sop.simulate.recentTruncated', defaultMessage: 'Only the newest {limit, number} cases of the period were simulated.' },
  byProfileTitle: { id: 'sop.simulate.byProfile', defaultMessage: 'By profile' },
  colCases: { id: 'sop.simulate.col.cases', defaultMessage: 'Cases' },
  colChanged: { id: 'sop.simulate.col.changed', defaultMessage: 'Changed', description: 'Column: how many cases of the profile are routed differently' },
  colAgencyChanged: { id: 'sop.simulate.col.agencyChanged', defaultMessage: 'New agency', description: 'Column: how many cases of the profile go to another agency' },
  changedCasesTitle: { id: 'sop.simulate.changedCases', defaultMessage: 'Cases routed differently' },
  noChangedCases: { id: 'sop.simulate.noChangedCases', defaultMessage: 'No case would be routed differently under this version.' },
  caseAt: { id: 'sop.simulate.caseAt', defaultMessage: 'Case {caseNumber} · {borderPoint}' },
  simulateNoAgency: {
    id: 'sop.simulate.noAgency',
    defaultMessage: '{count, plural, one {# referral finds} other {# referrals find}} no agency under this version: the coordinating body would be alerted.',
  },
  simulateNoAgencySplit: {
    id: 'sop.simulate.noAgencySplit',
    defaultMessage:
      '{count, plural, one {# referral finds} other {# referrals find}} no agency under this version ({alsoInActive, number} also under the active version, {fresh, plural, one {# new} other {# new}}): the coordinating body would be alerted.',
  },
  noAgencyBadge: { id: 'sop.simulate.noAgencyBadge', defaultMessage: 'No agency', description: 'Beside a sample: one of its referrals finds no agency under this version, as under the active one' },
  noAgencyNewBadge: { id: 'sop.simulate.noAgencyNewBadge', defaultMessage: 'No agency (new)', description: 'Beside a sample: a referral finds no agency under this version, though it does under the active one' },
  sameRouting: { id: 'sop.simulate.same', defaultMessage: 'Same routing' },
  colActiveVersion: { id: 'sop.simulate.col.activeVersion', defaultMessage: 'Active version' },
  colThisVersion: { id: 'sop.simulate.col.thisVersion', defaultMessage: 'This version' },
  groupLead: {
    id: 'sop.simulate.groupLead',
    defaultMessage: '{count, plural, one {# case} other {# cases}}, {profile}: lead {from} → {to}',
    description: 'Heading of recent cases whose routing changes alike: the lead agency under the active version, then under this one',
  },
  groupOther: { id: 'sop.simulate.groupOther', defaultMessage: '{count, plural, one {# case} other {# cases}}, {profile}: routed differently' },
  noAgencyLeft: { id: 'sop.simulate.noAgencyLeft', defaultMessage: 'no agency', description: 'In "lead X → no agency": none is left' },
  groupCases: { id: 'sop.simulate.groupCases', defaultMessage: 'Cases, with the age at arrival' },
  adultsToChildProtection: {
    id: 'sop.simulate.adultsToChildProtection',
    defaultMessage:
      '{count, plural, one {# of these cases is an adult} other {# of these cases are adults}}: check that a child protection agency is meant to lead {count, plural, one {it} other {them}}.',
  },
  differentRouting: { id: 'sop.simulate.different', defaultMessage: 'Routed differently' },
  colProfile: { id: 'sop.simulate.col.profile', defaultMessage: 'Profile' },
  colActive: { id: 'sop.simulate.col.active', defaultMessage: 'Active ({label})' },
  colThis: { id: 'sop.simulate.col.this', defaultMessage: 'This version ({label})' },
  noActiveVersion: { id: 'sop.simulate.noActiveVersion', defaultMessage: 'No active version' },
  notProfiled: { id: 'sop.simulate.notProfiled', defaultMessage: 'Not found under this version' },
  noReferral: { id: 'sop.simulate.noReferral', defaultMessage: 'No referral' },
  routeLeadNone: { id: 'sop.simulate.leadNoneWithin', defaultMessage: 'No lead agency left: the coordinating body is alerted (first contact within {within})' },
  routeSupportingNone: { id: 'sop.simulate.supportingNoneWithin', defaultMessage: 'No supporting agency left: the coordinating body is alerted (within {within})' },
  routeLead: { id: 'sop.simulate.leadWithin', defaultMessage: '{agency} (lead), first contact within {within}' },
  routeSupporting: { id: 'sop.simulate.supportingWithin', defaultMessage: '{agency} (supporting), first contact within {within}' },
  inEnglish: { id: 'sop.simulate.inEnglish', defaultMessage: '(English)', description: 'Beside a sample title the server gives in English only' },
  changedMark: { id: 'sop.simulate.changedMark', defaultMessage: 'Changed' },
  simulateFailed: { id: 'sop.simulate.failed', defaultMessage: 'The simulation could not run.' },

  // The editor
  newTitle: { id: 'sop.new.title', defaultMessage: 'Upload a new version' },
  newIntro: {
    id: 'sop.new.intro',
    defaultMessage: 'The document starts as the active version ({label}). Change what the signatories agreed, give it its own "version" label, check it, then upload it as a draft.',
  },
  newIntroEmpty: { id: 'sop.new.introEmpty', defaultMessage: 'Paste the SOP document (JSON), check it, then upload it as a draft.' },
  documentLabel: { id: 'sop.new.document', defaultMessage: 'SOP document (JSON)' },
  documentHint: {
    id: 'sop.new.documentHint',
    defaultMessage: 'Deadlines are {iso} durations: {hoursCode} is {hours, plural, one {# hour} other {# hours}}, {daysCode} is {days, plural, one {# day} other {# days}}.',
    description: 'iso, hoursCode and daysCode are code shown left to right (ISO 8601, PT8H, P3D)',
  },
  check: { id: 'sop.new.check', defaultMessage: 'Check' },
  uploadDraft: { id: 'sop.new.uploadDraft', defaultMessage: 'Upload as draft' },
  notJson: { id: 'sop.new.notJson', defaultMessage: 'This is not valid JSON (line {line, number}). Nothing was checked.' },
  problems: {
    id: 'sop.new.problems',
    defaultMessage: '{count, plural, one {# problem} other {# problems}} to correct: nothing was stored.',
  },
  problemsInEnglish: {
    id: 'sop.new.someProblemsInEnglish',
    defaultMessage: 'Some problems are described in English only; the path says where each one is.',
  },
  problemLine: { id: 'sop.new.problemLine', defaultMessage: 'line {line, number}' },
  goToLine: { id: 'sop.new.goToLine', defaultMessage: 'Go to line {line, number}' },
  caretLine: { id: 'sop.new.caretLine', defaultMessage: 'Line {line, number} of {lines, number}' },
  valid: {
    id: 'sop.new.valid',
    defaultMessage: 'Valid: version {version} for {country}, effective from {date}, {signatories, plural, one {# signatory} other {# signatories}}.',
  },
  labelTaken: { id: 'sop.new.labelTaken', defaultMessage: 'A version with this label exists already: give the new version another "version".' },
});

/** The built-in samples' titles, by the code the api gives each. */
export const sampleMessages = defineMessages({
  SOMALI_MOTHER_ASYLUM: { id: 'sop.sample.SOMALI_MOTHER_ASYLUM', defaultMessage: 'Somali mother from Lower Shabelle, fled the fighting, asks for asylum (Kigoma lake port)' },
  BOY_ALONE_RESCUED: { id: 'sop.sample.BOY_ALONE_RESCUED', defaultMessage: 'Boy of about 13, alone, rescued on the lake (mass-arrival record, Kigoma)' },
  GIRL_TRAFFICKED: { id: 'sop.sample.GIRL_TRAFFICKED', defaultMessage: '16-year-old girl trafficked for sexual exploitation, alone, fears return (airport)' },
  ERITREAN_TORTURE_SURVIVOR: { id: 'sop.sample.ERITREAN_TORTURE_SURVIVOR', defaultMessage: 'Eritrean man tortured in detention, with scars, asks for asylum (Namanga)' },
  CONGOLESE_WITNESS_INJURED: { id: 'sop.sample.CONGOLESE_WITNESS_INJURED', defaultMessage: 'Congolese man who witnessed killings and arrives injured (Kasulu reception centre)' },
  CONGOLESE_WOMAN_RAPED: { id: 'sop.sample.CONGOLESE_WOMAN_RAPED', defaultMessage: 'Congolese woman raped 30 hours ago on the way, fleeing the fighting (Kasulu)' },
  ETHIOPIAN_BEATEN_BY_SMUGGLERS: { id: 'sop.sample.ETHIOPIAN_BEATEN_BY_SMUGGLERS', defaultMessage: 'Ethiopian man beaten by smugglers and injured, travelling for work (Namanga)' },
  ZIMBABWEAN_STRANDED: { id: 'sop.sample.ZIMBABWEAN_STRANDED', defaultMessage: 'Stranded Zimbabwean labour migrant who wants to go home and has no means (Namanga)' },
  KENYAN_PREGNANT: { id: 'sop.sample.KENYAN_PREGNANT', defaultMessage: 'Pregnant Kenyan woman with complications joining her husband (airport)' },
  MALAWIAN_NO_FLAGS: { id: 'sop.sample.MALAWIAN_NO_FLAGS', defaultMessage: 'Malawian labour migrant with no protection flags (Namanga)' },
});

export const sopStatusMessages = {
  DRAFT: sopMessages.statusDRAFT,
  ACTIVE: sopMessages.statusACTIVE,
  RETIRED: sopMessages.statusRETIRED,
};

/** A person's age at arrival, as a band. */
export const ageBandMessages = defineMessages({
  UNDER_12: { id: 'sop.ageBand.UNDER_12', defaultMessage: 'child under 12' },
  FROM_12_TO_17: { id: 'sop.ageBand.FROM_12_TO_17', defaultMessage: 'child, 12 to 17' },
  CHILD: { id: 'sop.ageBand.CHILD', defaultMessage: 'presumed child, age not established' },
  FROM_18_TO_59: { id: 'sop.ageBand.FROM_18_TO_59', defaultMessage: 'adult, 18 to 59' },
  FROM_60: { id: 'sop.ageBand.FROM_60', defaultMessage: 'adult, 60 or older' },
  UNKNOWN: { id: 'sop.ageBand.UNKNOWN', defaultMessage: 'age unknown' },
});
