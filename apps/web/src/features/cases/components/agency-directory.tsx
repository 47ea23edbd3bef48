import { queryOptions, useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf, serviceMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { languageName } from '../language-name';
import { accountMessages } from '../messages';
import styles from './case-list.module.css';

/** One row of GET /api/v1/agencies (reference data every role may read; no response schema yet). */
interface Agency {
  id: string;
  name: string;
  kind: string;
  services: string[];
  languages: string[];
  active: boolean;
}

const agenciesQuery = (api: ApiClient) =>
  queryOptions({ queryKey: ['agencies'], queryFn: () => unwrap<Agency[]>(api.GET('/api/v1/agencies')), staleTime: 10 * 60_000 });

/** The referral network: each agency, what kind it is, its services and its working languages. */
export function AgencyDirectory({ api }: { api: ApiClient }) {
  const intl = useIntl();
  const agencies = useQuery(agenciesQuery(api));
  const language = (code: string): string => languageName(intl, code);
  return (
    <section aria-labelledby="agencies-title" className={styles.wrap}>
      <div>
        <h2 id="agencies-title">{intl.formatMessage(accountMessages.agenciesTitle)}</h2>
        <p className={styles.hint}>{intl.formatMessage(accountMessages.agenciesIntro)}</p>
      </div>
      {agencies.isError ? <Alert>{describeError(intl, agencies.error)}</Alert> : null}
      {agencies.data ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{intl.formatMessage(accountMessages.agenciesTitle)}</caption>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage(accountMessages.colAgency)}</th>
              <th scope="col">{intl.formatMessage(accountMessages.colKind)}</th>
              <th scope="col">{intl.formatMessage(accountMessages.colServices)}</th>
              <th scope="col">{intl.formatMessage(accountMessages.colLanguages)}</th>
            </tr>
          </thead>
          <tbody>
            {[...agencies.data]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((agency) => (
                <tr key={agency.id}>
                  <td data-label={intl.formatMessage(accountMessages.colAgency)}>
                    <span className={styles.name}>
                      <bdi>{agency.name}</bdi>
                      {agency.active ? null : <span className={styles.muted}>{intl.formatMessage(accountMessages.inactive)}</span>}
                    </span>
                  </td>
                  <td data-label={intl.formatMessage(accountMessages.colKind)}>{nameOf(intl, agencyKindMessages, agency.kind)}</td>
                  <td data-label={intl.formatMessage(accountMessages.colServices)}>
                    {agency.services.length > 0 ? (
                      <ul className={styles.chips}>
                        {agency.services.map((service) => (
                          <li key={service} className={styles.chip}>
                            {nameOf(intl, serviceMessages, service)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className={styles.muted}>{intl.formatMessage(accountMessages.none)}</span>
                    )}
                  </td>
                  <td data-label={intl.formatMessage(accountMessages.colLanguages)}>{intl.formatList(agency.languages.map(language))}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
