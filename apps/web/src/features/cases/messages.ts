import { defineMessages } from '../../i18n/define-messages';

export const caseMessages = defineMessages({
  title: { id: 'cases.title', defaultMessage: 'Cases' },
  intro: { id: 'cases.intro', defaultMessage: 'Arrivals registered at {borderPoints}, newest first.' },
  introAgency: { id: 'cases.introAgency', defaultMessage: 'Cases your agency holds or was referred, newest first.' },
  search: { id: 'cases.search', defaultMessage: 'Search by name or case number' },
  searchHint: { id: 'cases.searchHint', defaultMessage: 'For example Amina or NMG-2026-000042' },
  shown: {
    id: 'cases.shown',
    defaultMessage: '{shown, plural, =0 {No case matches} one {# case} other {# cases}}{more, select, true { (more to load)} other {}}',
  },
  caption: { id: 'cases.caption', defaultMessage: 'Cases' },
  colNumber: { id: 'cases.col.number', defaultMessage: 'Case number' },
  colName: { id: 'cases.col.name', defaultMessage: 'Name' },
  colProfiles: { id: 'cases.col.profiles', defaultMessage: 'Profiles' },
  colStatus: { id: 'cases.col.status', defaultMessage: 'Status' },
  colArrived: { id: 'cases.col.arrived', defaultMessage: 'Arrived' },
  noName: { id: 'cases.noName', defaultMessage: 'Name not recorded' },
  nameHidden: { id: 'cases.nameHidden', defaultMessage: 'Identity not shared with your agency' },
  noProfile: { id: 'cases.noProfile', defaultMessage: 'None yet' },
  age: { id: 'cases.age', defaultMessage: '{age, plural, one {# year} other {# years}}' },
  empty: { id: 'cases.empty', defaultMessage: 'No cases yet. Arrivals registered at your border points will be listed here.' },
  loadMore: { id: 'cases.loadMore', defaultMessage: 'Load more cases' },
  loadFailed: { id: 'cases.loadFailed', defaultMessage: 'The cases could not be loaded.' },
  searchLoaded: { id: 'cases.searchLoaded', defaultMessage: 'The search looks through the cases loaded so far. Load more to search further back.' },
});

export const accountMessages = defineMessages({
  title: { id: 'account.title', defaultMessage: 'My account' },
  intro: { id: 'account.intro', defaultMessage: 'Your role does not give access to case records. This is what your account holds.' },
  agency: { id: 'account.agency', defaultMessage: 'Agency' },
  roles: { id: 'account.roles', defaultMessage: 'Roles' },
  borderPoints: { id: 'account.borderPoints', defaultMessage: 'Border points' },
  noBorderPoints: { id: 'account.noBorderPoints', defaultMessage: 'None' },
  permissions: { id: 'account.permissions', defaultMessage: '{count, plural, one {# permission} other {# permissions}}' },
});
