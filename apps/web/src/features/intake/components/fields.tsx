import { parseDate, parseTime } from '@internationalized/date';
import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button as AriaButton,
  Checkbox,
  CheckboxGroup,
  ComboBox,
  DateField,
  DateInput,
  DateSegment,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  TimeField,
} from 'react-aria-components';
import { useIntl } from 'react-intl';
import { intakeMessages } from '../messages';
import styles from './fields.module.css';

export interface Option {
  value: string;
  label: string;
}

interface Common {
  label: string;
  /** The api's path of the value (`persons[0].sex`): a 400 for it lands here. */
  path: string;
  errors?: readonly string[];
  description?: string;
}

/** The wrapper every control sits in: marks the path, so the first invalid one can take the focus. */
function Box({ path, errors, children, wide }: { path: string; errors?: readonly string[]; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? `${styles.box} ${styles.wide}` : styles.box} data-field-path={path} data-has-error={errors && errors.length > 0 ? 'true' : undefined}>
      {children}
    </div>
  );
}

function Errors({ errors }: { errors?: readonly string[] }) {
  return <FieldError className={styles.error}>{errors?.join(' ')}</FieldError>;
}

function Description({ text }: { text?: string }) {
  return text ? (
    <Text slot="description" className={styles.description}>
      {text}
    </Text>
  ) : null;
}

export function TextInput({ label, path, errors, description, value, onChange, maxLength, autoComplete }: Common & { value: string; onChange: (value: string) => void; maxLength?: number; autoComplete?: string }) {
  return (
    <Box path={path} errors={errors}>
      <TextField value={value} onChange={onChange} isInvalid={Boolean(errors?.length)} className={styles.field} maxLength={maxLength} autoComplete={autoComplete ?? 'off'}>
        <Label className={styles.label}>{label}</Label>
        <Input className={styles.input} />
        <Description text={description} />
        <Errors errors={errors} />
      </TextField>
    </Box>
  );
}

export function TextAreaInput({ label, path, errors, description, value, onChange, maxLength }: Common & { value: string; onChange: (value: string) => void; maxLength: number }) {
  return (
    <Box path={path} errors={errors} wide>
      <TextField value={value} onChange={onChange} isInvalid={Boolean(errors?.length)} className={styles.field} maxLength={maxLength}>
        <Label className={styles.label}>{label}</Label>
        <TextArea className={`${styles.input} ${styles.textarea}`} rows={3} />
        <Description text={description} />
        <Errors errors={errors} />
      </TextField>
    </Box>
  );
}

export function NumberInput({ label, path, errors, description, value, onChange, min, max }: Common & { value: number | undefined; onChange: (value: number | undefined) => void; min?: number; max?: number }) {
  return (
    <Box path={path} errors={errors}>
      <NumberField
        value={value ?? NaN}
        onChange={(next) => onChange(Number.isNaN(next) ? undefined : next)}
        minValue={min}
        maxValue={max}
        step={1}
        formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
        isInvalid={Boolean(errors?.length)}
        className={styles.field}
      >
        <Label className={styles.label}>{label}</Label>
        <Input className={`${styles.input} ${styles.number}`} />
        <Description text={description} />
        <Errors errors={errors} />
      </NumberField>
    </Box>
  );
}

export function Radios({ label, path, errors, description, value, onChange, options, inline }: Common & { value: string; onChange: (value: string) => void; options: Option[]; inline?: boolean }) {
  return (
    <Box path={path} errors={errors} wide={!inline}>
      <RadioGroup value={value || null} onChange={onChange} isInvalid={Boolean(errors?.length)} orientation={inline ? 'horizontal' : 'vertical'} className={styles.field}>
        <Label className={styles.label}>{label}</Label>
        <div className={inline ? styles.inlineChoices : styles.choices}>
          {options.map((option) => (
            <Radio key={option.value} value={option.value} className={styles.choice}>
              {option.label}
            </Radio>
          ))}
        </div>
        <Description text={description} />
        <Errors errors={errors} />
      </RadioGroup>
    </Box>
  );
}

export function Checkboxes({ label, path, errors, description, values, onChange, options }: Common & { values: string[]; onChange: (values: string[]) => void; options: Option[] }) {
  return (
    <Box path={path} errors={errors} wide>
      <CheckboxGroup value={values} onChange={onChange} isInvalid={Boolean(errors?.length)} className={styles.field}>
        <Label className={styles.label}>{label}</Label>
        <div className={styles.choices}>
          {options.map((option) => (
            <Checkbox key={option.value} value={option.value} className={styles.choice}>
              {option.label}
            </Checkbox>
          ))}
        </div>
        <Description text={description} />
        <Errors errors={errors} />
      </CheckboxGroup>
    </Box>
  );
}

export function Check({ label, path, value, onChange }: { label: string; path: string; value: boolean; onChange: (value: boolean) => void }) {
  return (
    <Box path={path}>
      <Checkbox isSelected={value} onChange={onChange} className={styles.choice}>
        {label}
      </Checkbox>
    </Box>
  );
}

export function SelectInput({ label, path, errors, description, value, onChange, options, placeholder }: Common & { value: string; onChange: (value: string) => void; options: Option[]; placeholder?: string }) {
  const intl = useIntl();
  return (
    <Box path={path} errors={errors}>
      <Select
        selectedKey={value || null}
        onSelectionChange={(key) => onChange(key === null ? '' : String(key))}
        isInvalid={Boolean(errors?.length)}
        placeholder={placeholder ?? intl.formatMessage(intakeMessages.select)}
        className={styles.field}
      >
        <Label className={styles.label}>{label}</Label>
        <AriaButton className={`${styles.input} ${styles.selectButton}`}>
          <SelectValue />
          <span aria-hidden="true" className={styles.chevron} />
        </AriaButton>
        <Description text={description} />
        <Errors errors={errors} />
        <Popover className={styles.popover}>
          <ListBox className={styles.listbox}>
            {options.map((option) => (
              <ListBoxItem key={option.value} id={option.value} className={styles.option}>
                {option.label}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
    </Box>
  );
}

/**
 * Codes picked from a long list (countries, languages): a searchable combo box adds one, each picked code
 * shows as a chip with its own remove button. `single` keeps one value.
 */
export function CodePicker({
  label,
  path,
  errors,
  description,
  values,
  onChange,
  options,
  max,
  single,
}: Common & { values: string[]; onChange: (values: string[]) => void; options: Option[]; max?: number; single?: boolean }) {
  const intl = useIntl();
  const [input, setInput] = useState('');
  // Each pick remounts the combo box (closed and empty) and gives the focus back to its input.
  const [generation, setGeneration] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (generation > 0) inputRef.current?.focus();
  }, [generation]);
  const names = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const available = useMemo(() => {
    const wanted = input.trim().toLocaleLowerCase();
    return options.filter((o) => !values.includes(o.value) && (!wanted || o.label.toLocaleLowerCase().includes(wanted) || o.value.toLowerCase() === wanted)).slice(0, 60);
  }, [options, values, input]);
  const full = !single && max !== undefined && values.length >= max;
  return (
    <Box path={path} errors={errors}>
      <ComboBox
        key={generation}
        items={available}
        inputValue={input}
        onInputChange={setInput}
        selectedKey={null}
        onSelectionChange={(key) => {
          if (key === null) return;
          onChange(single ? [String(key)] : [...values, String(key)]);
          setInput('');
          setGeneration((n) => n + 1);
        }}
        isDisabled={full}
        isInvalid={Boolean(errors?.length)}
        menuTrigger="input"
        allowsEmptyCollection
        className={styles.field}
      >
        <Label className={styles.label}>{label}</Label>
        <Input ref={inputRef} className={styles.input} placeholder={intl.formatMessage(intakeMessages.search)} />
        <Description text={description} />
        <Errors errors={errors} />
        <Popover className={styles.popover}>
          <ListBox className={styles.listbox} renderEmptyState={() => <p className={styles.empty}>{intl.formatMessage(intakeMessages.noMatch)}</p>}>
            {(option: Option) => (
              <ListBoxItem id={option.value} textValue={option.label} className={styles.option}>
                {option.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {values.length > 0 ? (
        <ul className={styles.chips}>
          {values.map((code) => (
            <li key={code} className={styles.chip}>
              <bdi>{names.get(code) ?? code}</bdi>
              <AriaButton
                className={styles.chipRemove}
                aria-label={intl.formatMessage(intakeMessages.removeItem, { name: names.get(code) ?? code })}
                onPress={() => onChange(values.filter((v) => v !== code))}
              >
                <span aria-hidden="true" className={styles.cross} />
              </AriaButton>
            </li>
          ))}
        </ul>
      ) : null}
    </Box>
  );
}

const safeDate = (value: string) => {
  try {
    return value ? parseDate(value) : null;
  } catch {
    return null;
  }
};
const safeTime = (value: string) => {
  try {
    return value ? parseTime(value) : null;
  } catch {
    return null;
  }
};

export function DateInputField({ label, path, errors, description, value, onChange }: Common & { value: string; onChange: (value: string) => void }) {
  return (
    <Box path={path} errors={errors}>
      <DateField value={safeDate(value)} onChange={(date) => onChange(date ? date.toString() : '')} isInvalid={Boolean(errors?.length)} className={styles.field} granularity="day">
        <Label className={styles.label}>{label}</Label>
        <DateInput className={`${styles.input} ${styles.segments}`}>{(segment) => <DateSegment segment={segment} className={styles.segment} />}</DateInput>
        <Description text={description} />
        <Errors errors={errors} />
      </DateField>
    </Box>
  );
}

export function TimeInputField({ label, path, errors, value, onChange }: Common & { value: string; onChange: (value: string) => void }) {
  return (
    <Box path={path} errors={errors}>
      <TimeField value={safeTime(value)} onChange={(time) => onChange(time ? time.toString().slice(0, 5) : '')} hourCycle={24} isInvalid={Boolean(errors?.length)} className={styles.field}>
        <Label className={styles.label}>{label}</Label>
        <DateInput className={`${styles.input} ${styles.segments}`}>{(segment) => <DateSegment segment={segment} className={styles.segment} />}</DateInput>
        <Errors errors={errors} />
      </TimeField>
    </Box>
  );
}

/** Moves the focus to the first control marked invalid inside `root` (after a refused submit). */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const box = root?.querySelector<HTMLElement>('[data-has-error="true"]');
  if (!box) return;
  const target = box.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea, button, [role="spinbutton"], [tabindex="0"]');
  (target ?? box).focus();
  box.scrollIntoView?.({ block: 'center' });
}
