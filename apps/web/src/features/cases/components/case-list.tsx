import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Input, Label, SearchField, Text } from 'react-aria-components';
import type { ApiClient } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, profileMessages, statusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { SearchIcon } from '../../../ui/icons';
import { casesQuery, CaseListItem, matchesSearch } from '../cases-api';
import { caseMessages } from '../messages';
import styles from './case-list.module.css';

/** The cases the user may see, newest first, searchable by name or number. */
export function CaseList({ api }: { api: ApiClient }) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const cases = useInfiniteQuery(casesQuery(api));
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
            {intl.formatMessage(caseMessages.searchHint)}
          </Text>
        </SearchField>
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
      {cases.isSuccess && all.length === 0 ? <p className={styles.empty}>{intl.formatMessage(caseMessages.empty)}</p> : null}

      {shown.length > 0 ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{intl.formatMessage(caseMessages.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage(caseMessages.colNumber)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colName)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colProfiles)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colStatus)}</th>
              <th scope="col">{intl.formatMessage(caseMessages.colArrived)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <CaseRow key={item.id} item={item} />
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

function CaseRow({ item }: { item: CaseListItem }) {
  const intl = useIntl();
  const person = item.person;
  const name = person ? [person.givenName, person.familyName].filter(Boolean).join(' ') || person.description : null;
  return (
    <tr>
      <td data-label={intl.formatMessage(caseMessages.colNumber)}>
        <span className={styles.number}>{item.caseNumber}</span>
      </td>
      <td data-label={intl.formatMessage(caseMessages.colName)}>
        {person ? (
          <span className={styles.name}>
            <bdi>{name ?? intl.formatMessage(caseMessages.noName)}</bdi>
            {person.ageAtArrival !== null ? <span className={styles.muted}>{intl.formatMessage(caseMessages.age, { age: person.ageAtArrival })}</span> : null}
          </span>
        ) : (
          <span className={styles.muted}>{intl.formatMessage(caseMessages.nameHidden)}</span>
        )}
      </td>
      <td data-label={intl.formatMessage(caseMessages.colProfiles)}>
        {item.profiles.length > 0 ? (
          <ul className={styles.chips}>
            {item.profiles.map((profile) => (
              <li key={profile} className={styles.chip}>
                {nameOf(intl, profileMessages, profile)}
              </li>
            ))}
          </ul>
        ) : (
          <span className={styles.muted}>{intl.formatMessage(caseMessages.noProfile)}</span>
        )}
      </td>
      <td data-label={intl.formatMessage(caseMessages.colStatus)}>
        <span className={`${styles.status} ${styles[`status${item.status}`] ?? ''}`}>{nameOf(intl, statusMessages, item.status)}</span>
      </td>
      <td data-label={intl.formatMessage(caseMessages.colArrived)}>
        <time dateTime={item.arrivedAt} className={styles.arrived}>{intl.formatDate(item.arrivedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </td>
    </tr>
  );
}
