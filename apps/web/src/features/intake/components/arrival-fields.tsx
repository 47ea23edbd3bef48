import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Me } from '../../auth/me';
import { ARRIVAL_HOWS, ARRIVAL_MODES, ArrivalForm, LIMITS } from '../form-state';
import { arrivalHowMessages, arrivalModeMessages, intakeMessages } from '../messages';
import { countryOptions } from '../options';
import { CodePicker, DateInputField, Radios, SelectInput, TimeInputField } from './fields';
import styles from './intake-form.module.css';

interface Props {
  arrival: ArrivalForm;
  onChange: (arrival: ArrivalForm) => void;
  borderPoints: Me['borderPoints'];
  errorsFor: (path: string) => string[] | undefined;
}

/** Where, when and how the person or group arrived. */
export function ArrivalFields({ arrival, onChange, borderPoints, errorsFor }: Props) {
  const intl = useIntl();
  const countries = useMemo(() => countryOptions(intl.locale), [intl.locale]);
  const set = <K extends keyof ArrivalForm>(key: K, value: ArrivalForm[K]) => onChange({ ...arrival, [key]: value });
  const timeErrors = errorsFor('arrival.arrivedAt');
  return (
    <div className={styles.grid}>
      <SelectInput
        label={intl.formatMessage(intakeMessages.borderPoint)}
        path="arrival.borderPointId"
        errors={errorsFor('arrival.borderPointId')}
        value={arrival.borderPointId}
        onChange={(v) => set('borderPointId', v)}
        options={borderPoints.map((point) => ({ value: point.id, label: point.name }))}
      />
      <DateInputField label={intl.formatMessage(intakeMessages.arrivalDate)} path="arrival.arrivedAt" errors={timeErrors} value={arrival.date} onChange={(v) => set('date', v)} />
      <TimeInputField label={intl.formatMessage(intakeMessages.arrivalTime)} path="arrival.arrivedAt.time" value={arrival.time} onChange={(v) => set('time', v)} />
      <Radios
        label={intl.formatMessage(intakeMessages.arrivalMode)}
        path="arrival.mode"
        errors={errorsFor('arrival.mode')}
        inline
        value={arrival.mode}
        onChange={(v) => set('mode', v)}
        options={ARRIVAL_MODES.map((m) => ({ value: m, label: intl.formatMessage(arrivalModeMessages[m]) }))}
      />
      <SelectInput
        label={intl.formatMessage(intakeMessages.arrivalHow)}
        path="arrival.how"
        errors={errorsFor('arrival.how')}
        value={arrival.how}
        onChange={(v) => set('how', v)}
        options={[{ value: '', label: intl.formatMessage(intakeMessages.notRecorded) }, ...ARRIVAL_HOWS.map((h) => ({ value: h, label: intl.formatMessage(arrivalHowMessages[h]) }))]}
      />
      <Radios
        label={intl.formatMessage(intakeMessages.smugglerUsed)}
        path="arrival.smugglerUsed"
        errors={errorsFor('arrival.smugglerUsed')}
        inline
        value={arrival.smugglerUsed}
        onChange={(v) => set('smugglerUsed', v as ArrivalForm['smugglerUsed'])}
        options={[
          { value: 'yes', label: intl.formatMessage(intakeMessages.yes) },
          { value: 'no', label: intl.formatMessage(intakeMessages.no) },
          { value: '', label: intl.formatMessage(intakeMessages.notAsked) },
        ]}
      />
      <CodePicker label={intl.formatMessage(intakeMessages.route)} path="arrival.route" errors={errorsFor('arrival.route')} values={arrival.route} onChange={(v) => set('route', v)} options={countries} max={LIMITS.route} />
    </div>
  );
}
