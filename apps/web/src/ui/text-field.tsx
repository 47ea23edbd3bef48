import { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField, TextFieldProps } from 'react-aria-components';
import styles from './text-field.module.css';

interface Props extends Omit<TextFieldProps, 'children'> {
  label: string;
  description?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input; a 400's message for this field (Form validationErrors) shows under it. */
export function TextField({ label, description, inputRef, ...props }: Props) {
  return (
    <AriaTextField {...props} className={styles.field}>
      <Label className={styles.label}>{label}</Label>
      <Input ref={inputRef} className={styles.input} />
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={styles.error} />
    </AriaTextField>
  );
}
