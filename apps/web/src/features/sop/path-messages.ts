import { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';
import { agencyKindMessages, profileMessages, serviceMessages } from '../../i18n/vocabulary';
import { urgencyMessages } from '../intake/messages';
import { pathParts } from './diff-format';

/** The names of the SOP document's sections and fields, for the readable line under each change path. */
export const sopPathMessages = defineMessages({
  version: { id: 'sop.path.version', defaultMessage: 'Version label' },
  title: { id: 'sop.path.title', defaultMessage: 'Title' },
  description: { id: 'sop.path.description', defaultMessage: 'Description' },
  jurisdiction: { id: 'sop.path.jurisdiction', defaultMessage: 'Jurisdiction' },
  country: { id: 'sop.path.country', defaultMessage: 'Country' },
  borderPoints: { id: 'sop.path.borderPoints', defaultMessage: 'Border points' },
  effectiveFrom: { id: 'sop.path.effectiveFrom', defaultMessage: 'Effective from' },
  signatories: { id: 'sop.path.signatories', defaultMessage: 'Signatories' },
  deadlinesFrom: { id: 'sop.path.deadlinesFrom', defaultMessage: 'Deadlines counted from' },
  borderPointTasks: { id: 'sop.path.borderPointTasks', defaultMessage: 'Border point tasks' },
  ruleSet: { id: 'sop.path.ruleSet', defaultMessage: 'Profiling rules' },
  routing: { id: 'sop.path.routing', defaultMessage: 'Routing' },
  lead: { id: 'sop.path.lead', defaultMessage: 'Lead agency' },
  supporting: { id: 'sop.path.supporting', defaultMessage: 'Supporting agencies' },
  firstContact: { id: 'sop.path.firstContact', defaultMessage: 'First contact' },
  priority: { id: 'sop.path.priority', defaultMessage: 'Priority' },
  prohibitions: { id: 'sop.path.prohibitions', defaultMessage: 'Prohibitions' },
  kind: { id: 'sop.path.kind', defaultMessage: 'Kind of agency' },
  service: { id: 'sop.path.service', defaultMessage: 'Service' },
  actions: { id: 'sop.path.actions', defaultMessage: 'Required actions' },
  within: { id: 'sop.path.within', defaultMessage: 'Within' },
  agencyChoice: { id: 'sop.path.agencyChoice', defaultMessage: 'Choice of agency' },
  dataSharing: { id: 'sop.path.dataSharing', defaultMessage: 'Data sharing' },
  escalation: { id: 'sop.path.escalation', defaultMessage: 'Escalation' },
  steps: { id: 'sop.path.steps', defaultMessage: 'Steps' },
  after: { id: 'sop.path.after', defaultMessage: 'After' },
  notify: { id: 'sop.path.notify', defaultMessage: 'Who is notified' },
  safeguards: { id: 'sop.path.safeguards', defaultMessage: 'Safeguards' },
  enabled: { id: 'sop.path.enabled', defaultMessage: 'Switched on' },
  item: { id: 'sop.path.item', defaultMessage: 'No. {n, number}' },
});

const CODE_TABLES: Record<string, MessageDescriptor>[] = [profileMessages, urgencyMessages, agencyKindMessages, serviceMessages];

/**
 * A change path in words: "routing.ASYLUM_SEEKER.firstContact.HIGH" → "Routing · Asylum-seeker · First contact · High".
 * A list position reads "No. 1"; a segment the app has no name for stays as written.
 */
export function describePath(intl: IntlShape, path: string): string {
  return pathParts(path)
    .map((part) => {
      if (/^\d+$/.test(part)) return intl.formatMessage(sopPathMessages.item, { n: Number(part) + 1 });
      if (Object.hasOwn(sopPathMessages, part) && part !== 'item') return intl.formatMessage(sopPathMessages[part as keyof typeof sopPathMessages]);
      const table = CODE_TABLES.find((candidate) => Object.hasOwn(candidate, part));
      return table?.[part] ? intl.formatMessage(table[part]) : part;
    })
    .join(' · ');
}
