import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip, Tone } from '../../../ui/status-chip';
import { sectionMessages } from '../../cases/case-messages';
import { Section } from '../../cases/components/case-record';
import { Note, NOTE_SENSITIVITIES, notesQuery } from '../casework-api';
import { workspaceMessages as m } from '../messages';
import styles from './workspace.module.css';

/** The newest notes listed at first; the rest on request (a busy case has hundreds). */
export const NOTES_SHOWN = 10;

const SENSITIVITY_TONE: Record<Note['sensitivity'], Tone> = { NORMAL: 'neutral', RESTRICTED: 'info', SENSITIVE: 'warning' };

/**
 * The case's notes the reader may see, newest first, each marked with who may read it; and a form to add
 * one (shared, this agency only, or sensitive within a section the agency may see).
 */
export function NotesSection({
  api,
  caseId,
  me,
  fieldGroups,
  canWrite,
  textId,
}: {
  api: ApiClient;
  caseId: string;
  me: { id: string; agencyId: string };
  /** The sections the agency may see: a sensitive note belongs to one of them. */
  fieldGroups: readonly string[];
  canWrite: boolean;
  /** The id of the note's text box, for the page's "Add a note" shortcut. */
  textId: string;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const notes = useQuery(notesQuery(api, caseId));
  const [text, setText] = useState('');
  const [sensitivity, setSensitivity] = useState<Note['sensitivity']>('NORMAL');
  const [fieldGroup, setFieldGroup] = useState('');
  const [problem, setProblem] = useState(false);
  const [notice, setNotice] = useState('');
  const [showAll, setShowAll] = useState(false);
  const ids = useId();
  const groups = fieldGroups.filter((group) => group !== 'IDENTITY');
  const add = useMutation({
    mutationFn: () =>
      unwrap<Note>(
        api.POST('/api/v1/cases/{id}/notes', {
          params: { path: { id: caseId } },
          body: { text: text.trim(), sensitivity, ...(sensitivity === 'SENSITIVE' ? { fieldGroup: (fieldGroup || groups[0]) as never } : {}) },
        }),
      ),
    onSuccess: () => {
      setText('');
      setNotice(intl.formatMessage(m.saved));
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    if (!text.trim()) {
      setProblem(true);
      return;
    }
    add.mutate();
  };
  const items = [...(notes.data?.notes ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const author = (note: Note): string =>
    note.authorUserId === me.id ? intl.formatMessage(m.you) : note.authorAgencyId === me.agencyId ? intl.formatMessage(m.yourAgency) : intl.formatMessage(m.otherAgency);

  return (
    <Section id="notes-title" title={intl.formatMessage(m.notes)}>
      {canWrite ? (
        <form className={styles.form} onSubmit={submit} noValidate aria-label={intl.formatMessage(m.jumpNote)}>
          <label className={`${styles.field} ${styles.wide}`}>
            <span>{intl.formatMessage(m.noteText)}</span>
            <textarea
              id={textId}
              value={text}
              maxLength={8000}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? `${ids}-problem` : undefined}
              onChange={(event) => {
                setText(event.target.value);
                setProblem(false);
              }}
            />
          </label>
          <label className={styles.field}>
            <span>{intl.formatMessage(m.sensitivity)}</span>
            <select value={sensitivity} onChange={(event) => setSensitivity(event.target.value as Note['sensitivity'])}>
              {NOTE_SENSITIVITIES.filter((code) => code !== 'SENSITIVE' || groups.length > 0).map((code) => (
                <option key={code} value={code}>
                  {intl.formatMessage(m[`sensitivity${code}`])}
                </option>
              ))}
            </select>
          </label>
          {sensitivity === 'SENSITIVE' ? (
            <label className={styles.field}>
              <span>{intl.formatMessage(m.noteSection)}</span>
              <select value={fieldGroup || groups[0]} onChange={(event) => setFieldGroup(event.target.value)}>
                {groups.map((group) => (
                  <option key={group} value={group}>
                    {nameOf(intl, sectionMessages, group)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <div className={styles.buttons}>
            <Button type="submit" isDisabled={add.isPending}>
              {intl.formatMessage(m.addNote)}
            </Button>
          </div>
          {problem ? (
            <p id={`${ids}-problem`} className={styles.problem} role="alert">
              {intl.formatMessage(m.noteEmpty)}
            </p>
          ) : null}
          {add.isError ? (
            <Alert>
              {intl.formatMessage(m.failed)} {describeError(intl, add.error)}
            </Alert>
          ) : null}
          <p className={styles.notice} role="status">
            {notice}
          </p>
        </form>
      ) : null}
      {notes.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, notes.error)}
        </Alert>
      ) : null}
      {notes.isSuccess && items.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.noNotes)}</p> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-labelledby="notes-title">
          {(showAll ? items : items.slice(0, NOTES_SHOWN)).map((note) => (
            <li key={note.id}>
              <div className={styles.item}>
                <div className={styles.noteHead}>
                  <StatusChip tone={SENSITIVITY_TONE[note.sensitivity]}>
                    {intl.formatMessage(m[`chip${note.sensitivity}`], { section: note.fieldGroup ? nameOf(intl, sectionMessages, note.fieldGroup) : '' })}
                  </StatusChip>
                  <span className={styles.meta}>
                    {intl.formatMessage(m.noteMeta, {
                      date: (
                        <time key="at" dateTime={note.createdAt}>
                          {intl.formatDate(note.createdAt, DATE_TIME)}
                        </time>
                      ),
                      author: author(note),
                    })}
                  </span>
                </div>
                <p className={styles.noteText} dir="auto">
                  {note.text}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {!showAll && items.length > NOTES_SHOWN ? (
        <Button variant="secondary" onPress={() => setShowAll(true)}>
          {intl.formatMessage(m.allNotes, { count: items.length })}
        </Button>
      ) : null}
      {notes.data && notes.data.withheld > 0 ? <p className={styles.muted}>{intl.formatMessage(m.notesWithheld, { count: notes.data.withheld })}</p> : null}
    </Section>
  );
}
