import { Ref } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField, TextFieldProps } from 'react-aria-components';
import styles from './text-field.module.css';

interface Props extends Omit<TextFieldProps, 'children'> {
  label: string;
  description?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** A few lines (a reason, a note): the whole text stays in view while it is typed. */
  rows?: number;
}

/** A labelled text input; a 400's message for this field (Form validationErrors) shows under it. */
export function TextField({ label, description, inputRef, rows, ...props }: Props) {
  return (
    <AriaTextField {...props} className={styles.field}>
      <Label className={styles.label}>{label}</Label>
      {rows ? <TextArea rows={rows} className={`${styles.input} ${styles.textarea}`} /> : <Input ref={inputRef} className={styles.input} />}
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={styles.error} />
    </AriaTextField>
  );
}
