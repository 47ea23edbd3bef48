import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Input, Label, SearchField, Switch, Text } from 'react-aria-components';
import type { ApiClient } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, profileMessages, statusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, toneOf } from '../../../ui/status-chip';
import { AlertIcon, SearchIcon } from '../../../ui/icons';
import { activeFilterCount, CaseFilters as Filters } from '../case-filters';
import { casesQuery, CaseListItem, describedOnly, matchesSearch, splitProfiles } from '../cases-api';
import { CaseFilters } from './case-filters';
import { caseMessages } from '../messages';
import styles from './case-list.module.css';

/** The arrival date and time: a 24-hour clock in every language. */
export const ARRIVED_FORMAT = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' } as const;

/** The search hint's examples: data, the same in every language (a case number's serial part, and a full one). */
const EXAMPLE_SHORT = '000042';
const EXAMPLE_FULL = 'TZA-NMG-2026-000042';

interface Props {
  api: ApiClient;
  /** The filters (from the URL); the api applies them. */
  filters?: Filters;
  onFiltersChange?: (filters: Filters) => void;
  borderPoints?: { id: string; name: string }[];
}

/**
 * The cases the user may see, newest first (the api's order), filtered by the api and searchable by name
 * or number; each row opens the case. Sensitive profiles are counted, not named, until the user turns on
 * "Show profiles" (never remembered: each sign-in starts with them hidden).
 */
export function CaseList({ api, filters = {}, onFiltersChange, borderPoints = [] }: Props) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [showProfiles, setShowProfiles] = useState(false);
  const cases = useInfiniteQuery(casesQuery(api, filters));
  const filtered = activeFilterCount(filters) > 0;
  const all = useMemo(() => cases.data?.pages.flatMap((page) => page.items) ?? [], [cases.data]);
  const shown = useMemo(() => all.filter((item) => matchesSearch(item, search)), [all, search]);

  return (
    <div className={styles.wrap}>
      <div className={styles.tools}>
        <SearchField className={styles.search} value={search} onChange={setSearch}>
          <Label className={styles.searchLabel}>{intl.formatMessage(caseMessages.search)}</Label>
          <div className={styles.searchBox}>
            <SearchIcon />
            <Input className={styles.searchInput} />
          </div>
          <Text slot="description" className={styles.hint}>
            {intl.formatMessage(caseMessages.searchHint, {
              short: (
                <bdi key="short" className={styles.example}>
                  {EXAMPLE_SHORT}
                </bdi>
              ),
              full: (
                <bdi key="full" className={styles.example}>
                  {EXAMPLE_FULL}
                </bdi>
              ),
            })}
          </Text>
        </SearchField>
        <Switch className={styles.switch} isSelected={showProfiles} onChange={setShowProfiles}>
          <span className={styles.switchTrack} aria-hidden="true">
            <span className={styles.switchThumb} />
          </span>
          {intl.formatMessage(caseMessages.showProfiles)}
        </Switch>
        {onFiltersChange ? <CaseFilters filters={filters} onChange={onFiltersChange} borderPoints={borderPoints} /> : null}
        {cases.isSuccess ? (
          <p className={styles.count} role="status">
            {intl.formatMessage(caseMessages.shown, { shown: shown.length, more: String(cases.hasNextPage) })}
          </p>
        ) : null}
      </div>

      {cases.isError ? (
        <Alert>
          {intl.formatMessage(caseMessages.loadFailed)} {describeError(intl, cases.error)}
        </Alert>
      ) : null}
      {cases.isSuccess && all.length === 0 ? (
        <p className={styles.empty}>{intl.formatMessage(filtered ? caseMessages.emptyFiltered : caseMessages.empty)}</p>
      ) : null}

      {shown.length > 0 ? (
        <table className={`${styles.table} ${styles.cases}`}>
          <caption className={styles.caption}>{intl.formatMessage(caseMessages.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage(caseMessages.colNumber)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colName)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colProfiles)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colStatus)}</th>
              <th scope="col" className={styles.arrivedHead}>
                {intl.formatMessage(caseMessages.colArrived)}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <CaseRow key={item.id} item={item} showProfiles={showProfiles} />
            ))}
          </tbody>
        </table>
      ) : null}

      {search && cases.hasNextPage ? <p className={styles.hint}>{intl.formatMessage(caseMessages.searchLoaded)}</p> : null}
      {cases.hasNextPage ? (
        <Button variant="secondary" onPress={() => void cases.fetchNextPage()} isDisabled={cases.isFetchingNextPage}>
          {intl.formatMessage(caseMessages.loadMore)}
        </Button>
      ) : null}
    </div>
  );
}

function CaseRow({ item, showProfiles }: { item: CaseListItem; showProfiles: boolean }) {
  const intl = useIntl();
  const person = item.person;
  const age =
    person && person.ageAtArrival !== null ? intl.formatMessage(item.ageEstimated ? caseMessages.ageAbout : caseMessages.age, { age: person.ageAtArrival }) : null;
  const { open, sensitive } = splitProfiles(item.profiles);
  const named = showProfiles ? item.profiles : open;
  const suggested = new Set((item.profileStatuses ?? []).filter((entry) => entry.status === 'SUGGESTED').map((entry) => entry.profile));
  return (
    <tr>
      <td className={styles.cellNumber}>
        <CaseNumber caseNumber={item.caseNumber} caseId={item.id} />
      </td>
      <td className={styles.cellName}>
        {!person ? (
          <span className={styles.muted}>{intl.formatMessage(caseMessages.nameHidden)}</span>
        ) : describedOnly(person) ? (
          <span className={styles.described}>
            {intl.formatMessage(caseMessages.describedOnly, { description: <bdi key="description">{person.description}</bdi> })}
          </span>
        ) : person.givenName || person.familyName ? (
          <bdi className={styles.name}>{[person.givenName, person.familyName].filter(Boolean).join(' ')}</bdi>
        ) : (
          <span className={styles.described}>{intl.formatMessage(caseMessages.noName)}</span>
        )}
        {age ? <span className={`${styles.muted} ${styles.ageWide}`}>{age}</span> : null}
      </td>
      <td className={styles.cellProfiles}>
        {item.profiles.length > 0 ? (
          <ul className={styles.chips}>
            {named.map((profile) => (
              <li key={profile} className={suggested.has(profile) ? `${styles.chip} ${styles.chipSuggested}` : styles.chip}>
                {suggested.has(profile) ? (
                  <>
                    <span aria-hidden="true">{nameOf(intl, profileMessages, profile)}</span>
                    <span className={styles.visuallyHidden}>
                      {intl.formatMessage(caseMessages.profileSuggested, { profile: nameOf(intl, profileMessages, profile) })}
                    </span>
                  </>
                ) : (
                  nameOf(intl, profileMessages, profile)
                )}
              </li>
            ))}
            {!showProfiles && sensitive.length > 0 ? (
              <li className={`${styles.chip} ${styles.chipProtection}`}>{intl.formatMessage(caseMessages.protectionNeeds, { count: sensitive.length })}</li>
            ) : null}
          </ul>
        ) : (
          <span className={styles.muted}>{intl.formatMessage(caseMessages.noProfile)}</span>
        )}
      </td>
      <td className={styles.cellStatus}>
        <span className={styles.badges}>
          {item.urgentNeeds.length > 0 ? (
            <StatusChip tone="danger">
              <AlertIcon />
              {intl.formatMessage(caseMessages.urgent)}
            </StatusChip>
          ) : null}
          <StatusChip tone={toneOf('case', item.status)}>{nameOf(intl, statusMessages, item.status)}</StatusChip>
        </span>
      </td>
      <td className={styles.cellArrived}>
        {age ? <span className={styles.ageNarrow}>{age}</span> : null}
        <time dateTime={item.arrivedAt} className={styles.arrived}>
          {intl.formatDate(item.arrivedAt, ARRIVED_FORMAT)}
        </time>
      </td>
    </tr>
  );
}
