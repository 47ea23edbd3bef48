import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { countryName } from '../../../i18n/countries';
import { familyMessages as f, protectionMessages as m, stepMessages as st } from '../messages';
import { BestInterests, CarePlacement, dayOf, Reunification, Tracing, tracingEndangers } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useRecord } from '../use-record';
import { EndPlacement, ProposeReunification, ReunificationOutcomeStep, TracingSteps } from './child-steps';
import { DayField, InputField, SelectField } from './fields';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';
import steps from './step-dialog.module.css';

const RELATIONSHIPS = ['MOTHER', 'FATHER', 'SIBLING', 'GRANDPARENT', 'AUNT_OR_UNCLE', 'COUSIN', 'SPOUSE', 'OTHER_RELATIVE', 'CUSTOMARY_CAREGIVER'] as const;
const CARE_KINDS = ['FOSTER_FAMILY', 'KINSHIP_CARE', 'RESIDENTIAL_CARE', 'SUPERVISED_INDEPENDENT_LIVING', 'SAFE_SHELTER'] as const;

interface Props {
  api: ApiClient;
  caseId: string;
  tracing: Tracing[];
  reunifications: Reunification[];
  placements: CarePlacement[];
  /** The child's best-interests procedures (a reunion abroad needs a determination for it). */
  procedures?: BestInterests[];
  mandate: boolean;
  onSaved: () => void;
}

/** Family tracing (asks its own consent), reunification proposals and interim care placements of a child. */
export function FamilyBlock({ api, caseId, tracing, reunifications, placements, procedures = [], mandate, onSaved }: Props) {
  const intl = useIntl();
  const path = { params: { path: { id: caseId } } };
  const relationship = (code: string) => intl.formatMessage(f[`rel${code as (typeof RELATIONSHIPS)[number]}`] ?? f.relOTHER_RELATIVE);
  const [sought, setSought] = useState<string>('');
  const [soughtName, setSoughtName] = useState('');
  const [lastKnown, setLastKnown] = useState('');
  const trace = useRecord(caseId, (body: object) => unwrap<Tracing>(api.POST('/api/v1/cases/{id}/family-tracing', { ...path, body: body as never })), () => {
    setSoughtName('');
    setLastKnown('');
    onSaved();
  });
  const [kind, setKind] = useState<string>('FOSTER_FAMILY');
  const [provider, setProvider] = useState('');
  const [startedOn, setStartedOn] = useState(() => dayOf(new Date()));
  const place = useRecord(caseId, (body: object) => unwrap<CarePlacement>(api.POST('/api/v1/cases/{id}/care-placements', { ...path, body: body as never })), () => {
    setProvider('');
    onSaved();
  });
  const submitTrace = (event: FormEvent) => {
    event.preventDefault();
    trace.mutate({ soughtRelatives: [{ relationship: sought, ...(soughtName.trim() ? { name: soughtName.trim() } : {}), ...(lastKnown.trim() ? { lastKnownLocation: lastKnown.trim() } : {}) }] });
  };
  const submitPlacement = (event: FormEvent) => {
    event.preventDefault();
    place.mutate({ kind, provider: provider.trim(), startedOn });
  };

  return (
    <>
      <div className={styles.block}>
        <h3>{intl.formatMessage(f.tracingTitle)}</h3>
        {tracing.length > 0 ? (
          <ul className={styles.rows}>
            {tracing.map((t) => (
              <li key={t.id} className={styles.row}>
                <span className={styles.rowMain} id={`row-${t.id}`}>
                  {intl.formatList(
                    t.soughtRelatives.map((r, i) => (
                      <span key={`${r.relationship}-${i}`}>
                        {relationship(r.relationship)}
                        {r.name ? (
                          <span className={steps.named}>
                            <bdi>{intl.formatMessage(f.named, { name: r.name })}</bdi>
                          </span>
                        ) : null}
                      </span>
                    )),
                  )}
                </span>
                <StatusChip tone={t.status === 'OPEN' ? 'info' : t.status === 'LOCATED' ? 'success' : t.status === 'STOPPED' ? 'warning' : 'neutral'}>{intl.formatMessage(f[`tracing${t.status}`])}</StatusChip>
                {t.status === 'STOPPED' && t.stopReason ? <span className={styles.rowDetail}>{intl.formatMessage(st.tracingStoppedBecause, {
                      reason: (
                        <bdi key="reason" dir="auto" className={steps.freeText}>
                          {t.stopReason}
                        </bdi>
                      ),
                    })}</span> : null}
                {t.concludedOn && t.status !== 'STOPPED' ? <span className={styles.rowDetail}>{intl.formatMessage(st.tracingConcludedOn, { date: formatDay(intl, t.concludedOn) })}</span> : null}
                <TracingSteps api={api} caseId={caseId} tracing={t} mandate={mandate} onSaved={onSaved} describedBy={`row-${t.id}`} />
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
        )}
        {mandate && tracingEndangers(tracing) ? <p className={styles.locked}>{intl.formatMessage(st.tracingBlocked)}</p> : null}
        {mandate && !tracingEndangers(tracing) ? (
          <form className={styles.form} onSubmit={submitTrace}>
            <SelectField label={intl.formatMessage(f.relationship)} value={sought} onChange={setSought}>
              <option value="">{intl.formatMessage(st.chooseRelative)}</option>
              {RELATIONSHIPS.map((code) => (
                <option key={code} value={code}>
                  {relationship(code)}
                </option>
              ))}
            </SelectField>
            <InputField label={intl.formatMessage(f.nameOptional)} value={soughtName} onChange={setSoughtName} maxLength={200} />
            <InputField label={intl.formatMessage(f.lastKnown)} value={lastKnown} onChange={setLastKnown} maxLength={400} />
            <Button type="submit" isDisabled={trace.isPending || !sought}>
              {intl.formatMessage(f.startTracing)}
            </Button>
          </form>
        ) : null}
        {trace.error ? <RefusalAlert error={trace.error} /> : null}
      </div>

      {reunifications.length > 0 || mandate ? (
        <div className={styles.block}>
          <h3>{intl.formatMessage(f.reunificationTitle)}</h3>
          {reunifications.length > 0 ? (
            <ul className={styles.rows}>
              {reunifications.map((r) => (
                <li key={r.id} className={styles.row}>
                  <span className={styles.rowMain} id={`row-${r.id}`}>
                    {relationship(r.relative.relationship)} <bdi>{r.relative.name}</bdi>
                  </span>
                  <StatusChip tone={r.status === 'REUNIFIED' ? 'success' : r.status === 'PROPOSED' ? 'info' : 'neutral'}>{intl.formatMessage(f[`reunification${r.status}`])}</StatusChip>
                  <span className={styles.rowDetail}>
                    {intl.formatMessage(st.reunificationDetails, {
                      country: <bdi key="country">{countryName(intl.locale, r.relative.country)}</bdi>,
                      abroad: String(r.abroad),
                      verified: String(r.relationshipVerified),
                      consent: String(r.childConsent),
                    })}
                  </span>
                  {r.outcomeOn ? <span className={styles.rowDetail}>{intl.formatMessage(st.outcomeOnLine, { date: formatDay(intl, r.outcomeOn) })}</span> : null}
                  {mandate ? <ReunificationOutcomeStep api={api} caseId={caseId} reunification={r} procedures={procedures} onSaved={onSaved} describedBy={`row-${r.id}`} /> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
          )}
          {mandate ? <ProposeReunification api={api} caseId={caseId} tracing={tracing} onSaved={onSaved} /> : null}
        </div>
      ) : null}

      <div className={styles.block}>
        <h3>{intl.formatMessage(f.careTitle)}</h3>
        {placements.length > 0 ? (
          <ul className={styles.rows}>
            {placements.map((p) => (
              <li key={p.id} className={styles.row}>
                <span className={styles.rowMain} id={`row-${p.id}`}>
                  {intl.formatMessage(f.placementLine, { kind: intl.formatMessage(f[`care${p.kind as (typeof CARE_KINDS)[number]}`] ?? f.careFOSTER_FAMILY), provider: (
                      <bdi key="provider" dir="auto">
                        {p.provider}
                      </bdi>
                    ), date: formatDay(intl, p.startedOn) })}
                </span>
                {p.endedOn ? (
                  <span className={styles.rowDetail}>{intl.formatMessage(st.placementEnded, { date: formatDay(intl, p.endedOn), reason: (
                        <bdi key="reason" dir="auto" className={steps.freeText}>
                          {p.endReason ?? ''}
                        </bdi>
                      ), })}</span>
                ) : mandate ? (
                  <EndPlacement api={api} caseId={caseId} placement={p} onSaved={onSaved} describedBy={`row-${p.id}`} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
        )}
        {mandate && placements.every((p) => p.endedOn) ? (
          <form className={styles.form} onSubmit={submitPlacement}>
            <SelectField label={intl.formatMessage(f.careKind)} value={kind} onChange={setKind}>
              {CARE_KINDS.map((code) => (
                <option key={code} value={code}>
                  {intl.formatMessage(f[`care${code}`])}
                </option>
              ))}
            </SelectField>
            <InputField label={intl.formatMessage(m.provider)} value={provider} onChange={setProvider} required maxLength={200} />
            <DayField label={intl.formatMessage(m.startsOn)} value={startedOn} onChange={setStartedOn} required />
            <Button type="submit" isDisabled={place.isPending || !provider.trim()}>
              {intl.formatMessage(f.place)}
            </Button>
          </form>
        ) : null}
        {place.error ? <RefusalAlert error={place.error} /> : null}
      </div>
    </>
  );
}
