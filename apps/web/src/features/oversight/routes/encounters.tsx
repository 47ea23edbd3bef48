import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { IntlShape, useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { countryName } from '../../../i18n/countries';
import { commonMessages } from '../../../i18n/common-messages';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { CaseNumber } from '../../../ui/case-number';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { StatusChip } from '../../../ui/status-chip';
import { meQuery } from '../../auth/me';
import { languageName } from '../../cases/language-name';
import { documentKindMessages, sexMessages } from '../../intake/messages';
import { Comparison, compareRecords, documentMatchParts, matchLevel, spellingVariants } from '../compare-records';
import { encounterMessages as m } from '../messages';
import { comparisonQuery, Encounter, encountersQuery, MatchReason } from '../oversight-api';
import dialog from '../../../ui/dialog.module.css';
import styles from './encounters.module.css';
import page from './oversight.module.css';

const STATUSES = ['PENDING', 'LINKED', 'DISMISSED'] as const;
type Status = (typeof STATUSES)[number];

/** The api's shortest useful reason for a dismissal (it asks for one that is not blank). */
const DISMISS_REASON_MIN = 3;

export const Route = createFileRoute('/_signed-in/encounters')({
  validateSearch: (search: Record<string, unknown>): { status?: Status } =>
    typeof search.status === 'string' && (STATUSES as readonly string[]).includes(search.status) && search.status !== 'PENDING' ? { status: search.status as Status } : {},
  component: EncountersPage,
});

/** Possible previous encounters at the supervisor's border points: the two records side by side, linked or dismissed. */
function EncountersPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const status = Route.useSearch().status ?? 'PENDING';
  const navigate = useNavigate({ from: Route.fullPath });
  const list = useInfiniteQuery(encountersQuery(api, status));
  const [notice, setNotice] = useState('');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="encounters-title" className={page.section}>
      <h1 id="encounters-title">{intl.formatMessage(m.title)}</h1>
      <p className={page.intro}>{intl.formatMessage(m.intro)}</p>
      <div className={styles.filter}>
        <label htmlFor="encounter-status">{intl.formatMessage(m.show)}</label>
        <select
          id="encounter-status"
          className={styles.select}
          value={status}
          onChange={(event) => void navigate({ search: event.target.value === 'PENDING' ? {} : { status: event.target.value as Status }, replace: true })}
        >
          {STATUSES.map((code) => (
            <option key={code} value={code}>
              {intl.formatMessage(m[code])}
            </option>
          ))}
        </select>
      </div>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {list.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, list.error)}
        </Alert>
      ) : null}
      {list.isSuccess && items.length === 0 ? <p className={styles.empty}>{intl.formatMessage(m.empty)}</p> : null}
      <ul className={styles.list}>
        {items.map((encounter) => (
          <li key={encounter.id}>
            <EncounterCard api={api} encounter={encounter} onDecided={setNotice} />
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button variant="secondary" isPending={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
          {intl.formatMessage(m.loadMore)}
        </Button>
      ) : null}
    </section>
  );
}

function EncounterCard({ api, encounter, onDecided }: { api: ApiClient; encounter: Encounter; onDecided: (notice: string) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  // Both records through the comparison read: the earlier one is often at a border point outside the reader's,
  // which the ordinary case read hides; this read gives its identity fields only, and the api records it.
  const comparison = useQuery(comparisonQuery(api, encounter.id));
  const me = useQuery(meQuery(api));
  const earlier = comparison.data?.earlierRecord;
  const outside = earlier !== undefined && me.data !== undefined && !me.data.borderPoints.some((point) => point.id === earlier.borderPoint.id);
  const [dismissing, setDismissing] = useState(false);
  const [linking, setLinking] = useState(false);
  const numbers = { caseNumber: encounter.caseNumber, matchedCaseNumber: encounter.matchedCaseNumber };
  const decide = useMutation({
    mutationFn: ({ action, reason }: { action: 'link' | 'dismiss'; reason?: string }) =>
      unwrap(
        api.POST(`/api/v1/cases/{id}/encounters/{encounterId}/${action}` as '/api/v1/cases/{id}/encounters/{encounterId}/link', {
          params: { path: { id: encounter.caseId, encounterId: encounter.id } },
          body: reason ? { reason } : {},
        }),
      ),
    onSuccess: (_, { action }) => {
      setDismissing(false);
      setLinking(false);
      onDecided(intl.formatMessage(action === 'link' ? m.linked : m.dismissed, numbers));
      void queryClient.invalidateQueries({ queryKey: ['encounters'] });
      void queryClient.invalidateQueries({ queryKey: ['case', encounter.caseId] });
    },
  });
  const headingId = `encounter-${encounter.id}`;
  const dateTime = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const namesAlike = encounter.reasons.some((reason) => reason.code === 'NAME_SIMILAR' || reason.code === 'NAME_SAME_TOKENS_REORDERED');
  const rows = comparison.data ? compareRecords(comparison.data.newRecord, comparison.data.earlierRecord, namesAlike) : [];
  const names = rows.find((row) => row.field === 'name');
  const variants = names?.left[0] && names.right[0] ? spellingVariants(names.left[0], names.right[0]) : [];
  // The labels a phone shows above each value: short, the card's heading has named both records already.
  const columns = {
    left: intl.formatMessage(m.newShort),
    right: intl.formatMessage(m.earlierShort),
    verdict: intl.formatMessage(m.comparison),
  };

  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <header className={styles.header}>
        <h2 id={headingId} className={styles.title}>
          {intl.formatMessage(m.heading, {
            caseNumber: <CaseNumber key="a" caseNumber={encounter.caseNumber} caseId={encounter.caseId} />,
            matchedCaseNumber: <CaseNumber key="b" caseNumber={encounter.matchedCaseNumber} caseId={earlier && !outside ? encounter.matchedCaseId : undefined} mayOpen={earlier !== undefined && !outside} />,
          })}
        </h2>
        <span className={styles.meta}>
          <StatusChip tone={encounter.score >= 0.85 ? 'warning' : 'info'}>
            {intl.formatMessage(m.score, {
              level: matchLevel(encounter.score),
              document: String(encounter.reasons.some((reason) => reason.code === 'DOCUMENT_MATCH')),
              score: encounter.score,
            })}
          </StatusChip>
          <span>{intl.formatMessage(m.found, { time: dateTime(encounter.foundAt) })}</span>
        </span>
      </header>

      {comparison.isError ? (
        <Alert>
          {intl.formatMessage(m.comparisonFailed)} {describeError(intl, comparison.error)}
        </Alert>
      ) : null}
      {earlier && outside ? (
        <Alert tone="info">{intl.formatMessage(m.outsideScope, { borderPoint: <bdi key="b">{earlier.borderPoint.name}</bdi> })}</Alert>
      ) : null}
      {rows.length > 0 ? (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{intl.formatMessage(m.field)}</th>
                <th scope="col">{intl.formatMessage(m.newRecord, { caseNumber: <bdi key="n">{encounter.caseNumber}</bdi> })}</th>
                <th scope="col">{intl.formatMessage(m.earlierRecord, { caseNumber: <bdi key="n">{encounter.matchedCaseNumber}</bdi> })}</th>
                <th scope="col">{intl.formatMessage(m.comparison)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} data-verdict={row.verdict}>
                  <th scope="row">{intl.formatMessage(m[row.field])}</th>
                  <td data-label={columns.left}>{formatValues(intl, row, 'left')}</td>
                  <td data-label={columns.right}>{formatValues(intl, row, 'right')}</td>
                  <td data-label={columns.verdict}>
                    <span className={styles.verdict} data-verdict={row.verdict}>
                      {intl.formatMessage(m[row.verdict])}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section aria-labelledby={`${headingId}-why`} className={styles.why}>
        <h3 id={`${headingId}-why`}>{intl.formatMessage(m.why)}</h3>
        <ul>
          {encounter.reasons.map((reason, i) => (
            <li key={i}>{describeReason(intl, reason, variants)}</li>
          ))}
        </ul>
      </section>

      {encounter.status === 'PENDING' ? (
        <div className={styles.actions}>
          {/* Two distinct answers: linking (which joins two people's histories) is the filled one and asks first. */}
          <Button onPress={() => setLinking(true)}>
            {intl.formatMessage(m.link)}
          </Button>
          <Button variant="secondary" onPress={() => setDismissing(true)}>
            {intl.formatMessage(m.dismiss)}
          </Button>
        </div>
      ) : (
        <p className={styles.decided}>
          <StatusChip tone={encounter.status === 'LINKED' ? 'success' : 'neutral'}>{intl.formatMessage(m[encounter.status])}</StatusChip>
          {encounter.decidedAt ? <span>{intl.formatMessage(m.decided, { time: dateTime(encounter.decidedAt) })}</span> : null}
          {encounter.decisionReason ? <span>{intl.formatMessage(m.decisionReason, { reason: <bdi key="r">{encounter.decisionReason}</bdi> })}</span> : null}
        </p>
      )}
      {decide.isError && !dismissing && !linking ? <Alert>{describeError(intl, decide.error)}</Alert> : null}
      <ModalOverlay className={dialog.overlay} isOpen={linking} onOpenChange={(open) => (open ? undefined : setLinking(false))} isDismissable={!decide.isPending}>
        <Modal className={dialog.modal}>
          <Dialog role="alertdialog" className={dialog.dialog}>
            <Heading slot="title" className={dialog.title}>
              {intl.formatMessage(m.linkTitle)}
            </Heading>
            <p>
              {intl.formatMessage(m.linkBody, {
                caseNumber: <CaseNumber key="a" caseNumber={encounter.caseNumber} />,
                matchedCaseNumber: <CaseNumber key="b" caseNumber={encounter.matchedCaseNumber} />,
              })}
            </p>
            {decide.isError ? <Alert>{describeError(intl, decide.error)}</Alert> : null}
            <div className={styles.actions}>
              <Button isPending={decide.isPending} onPress={() => decide.mutate({ action: 'link' })}>
                {intl.formatMessage(m.linkConfirm)}
              </Button>
              <Button variant="quiet" onPress={() => setLinking(false)} isDisabled={decide.isPending}>
                {intl.formatMessage(commonMessages.goBack)}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
      <ReasonDialog
        isOpen={dismissing}
        onClose={() => setDismissing(false)}
        onConfirm={(reason) => decide.mutate({ action: 'dismiss', reason })}
        title={intl.formatMessage(m.dismissTitle)}
        body={intl.formatMessage(m.dismissBody, numbers)}
        confirmLabel={intl.formatMessage(m.dismissConfirm)}
        minLength={DISMISS_REASON_MIN}
        pending={decide.isPending}
        error={decide.isError ? describeError(intl, decide.error) : undefined}
      />
    </article>
  );
}

function formatValues(intl: IntlShape, row: Comparison, side: 'left' | 'right') {
  const values = row[side];
  if (values.length === 0) return <span className={styles.muted}>{intl.formatMessage(m.empty_value)}</span>;
  const one = (value: string) => {
    switch (row.field) {
      case 'name':
      case 'otherNames':
      case 'borderPoint':
        return <bdi>{value}</bdi>;
      case 'sex':
        return nameOf(intl, sexMessages, value);
      case 'nationalities':
        return countryName(intl.locale, value);
      case 'languages':
        return languageName(intl, value);
      case 'documents': {
        const [kind = '', country = '', ...number] = value.split(' ');
        return (
          <>
            {intl.formatMessage(m.document, {
              kind: nameOf(intl, documentKindMessages, kind),
              country: countryName(intl.locale, country),
              number: (
                <bdi key="n" dir="ltr">
                  {number.join(' ')}
                </bdi>
              ),
            })}
          </>
        );
      }
      case 'dateOfBirth':
        if (value.startsWith('age:')) return intl.formatMessage(m.age, { age: Number(value.slice(4)) });
        return value.endsWith('~')
          ? intl.formatMessage(m.estimated, { date: intl.formatDate(`${value.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) })
          : intl.formatDate(`${value}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
      case 'arrived':
        return intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    }
  };
  return (
    <ul className={styles.values}>
      {values.map((value, i) => (
        <li key={i}>{one(value)}</li>
      ))}
    </ul>
  );
}

function describeReason(intl: IntlShape, reason: MatchReason, variants: [string, string][]) {
  switch (reason.code) {
    case 'DOCUMENT_MATCH': {
      // The kinds and the country in words; the number as the api gives it: its last characters and its length.
      const { kinds, country, number } = documentMatchParts(reason);
      const detail = intl.formatMessage(m.document, {
        kind: kinds.map((kind) => nameOf(intl, documentKindMessages, kind)).join(' / '),
        country: countryName(intl.locale, country),
        number: (
          <bdi key="n" dir="ltr">
            {number}
          </bdi>
        ),
      });
      return intl.formatMessage(m.DOCUMENT_MATCH, { detail: <Fragment key="d">{detail}</Fragment> });
    }
    case 'NAME_SIMILAR':
      if (variants.length === 0) return intl.formatMessage(m.NAME_SIMILAR, { similarity: reason.similarity });
      return intl.formatMessage(m.NAME_VARIANTS, {
        similarity: reason.similarity,
        pairs: intl.formatList(
          variants.map(([a, b], i) => (
            <bdi key={i} dir="auto">
              {intl.formatMessage(m.namePair, { first: a, second: b })}
            </bdi>
          )),
          { type: 'unit' },
        ),
      });
    case 'DOB_WITHIN_ONE_YEAR':
      return intl.formatMessage(m.DOB_WITHIN_ONE_YEAR, { days: reason.days, estimated: String(reason.estimated) });
    case 'DOB_MISMATCH':
      return intl.formatMessage(m.DOB_MISMATCH, { estimated: String(reason.estimated) });
    case 'NATIONALITY_SHARED':
      return intl.formatMessage(m.NATIONALITY_SHARED, { value: countryName(intl.locale, reason.value) });
    case 'NAME_SAME_TOKENS_REORDERED':
    case 'NATIONALITY_DIFFERENT':
      return intl.formatMessage(m[reason.code]);
  }
}
