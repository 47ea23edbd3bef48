import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { ApiError, FieldProblem } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { jsonFault, jsonSpans, lineOf, locatePath } from '../json-locate';
import { sopMessages } from '../messages';
import { describeProblem } from '../problem-messages';
import { BreakableAtDots } from './breakable-at-dots';
import { SopDocumentSummary, uploadSop, validateSop } from '../sop-api';
import styles from './sop-editor.module.css';

type Outcome =
  | { kind: 'notJson'; line: number }
  | { kind: 'problems'; problems: FieldProblem[] }
  | { kind: 'valid'; summary: SopDocumentSummary }
  | { kind: 'error'; message: string };

const ISO = 'ISO 8601';
const HOURS_CODE = 'PT8H';
const DAYS_CODE = 'P3D';

/** Whether the page is in English (then the api's English problem texts need no remark). */
export const inEnglish = (locale: string): boolean => locale === 'en' || locale.startsWith('en-');

/** A problem in the user's language from its code; the api's English where the page has no words for it (and after a profiling-rule problem's lead-in). */
function ProblemText({ id, problem }: { id: string; problem: FieldProblem }) {
  const intl = useIntl();
  const said = describeProblem(intl, problem);
  const english = (
    <span lang="en" dir="ltr">
      {problem.problem}
    </span>
  );
  if (said === null) {
    return (
      <span id={id} className={styles.message} lang="en" dir="ltr">
        {problem.problem}
      </span>
    );
  }
  return (
    <span id={id} className={styles.message}>
      {said}
      {problem.code === 'PROFILING_RULES' ? <> {english}</> : null}
    </span>
  );
}

/** The text as JSON, or the line where it stops parsing. */
export function parseDocument(text: string): { ok: true; value: unknown } | { ok: false; line: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const line = /line (\d+)/.exec(message)?.[1];
    const position = /position (\d+)/.exec(message)?.[1];
    const fault = jsonFault(text);
    return { ok: false, line: line ? Number(line) : position ? lineOf(text, Number(position)) : fault !== null ? lineOf(text, fault) : 1 };
  }
}

/**
 * A large monospace editor for an SOP document: "Check" validates it with the api (every problem listed with
 * its path and line; pressing one selects that spot in the text), "Upload as draft" stores it and opens the new
 * version. Long lines wrap; the caret's line is shown under the text.
 */
export function SopEditor({ api, initial }: { api: ApiClient; initial: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const refused = (error: unknown): Outcome => {
    if (error instanceof ApiError && error.code === 'SOP.INVALID' && error.fields.length > 0) return { kind: 'problems', problems: error.fields };
    if (error instanceof ApiError && error.code === 'SOP.LABEL_TAKEN') return { kind: 'error', message: intl.formatMessage(sopMessages.labelTaken) };
    return { kind: 'error', message: describeError(intl, error) };
  };
  const show = (next: Outcome) => {
    setOutcome(next);
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  const run = useMutation({
    mutationFn: async (mode: 'check' | 'upload'): Promise<Outcome | { kind: 'uploaded'; id: string }> => {
      const parsed = parseDocument(text);
      if (!parsed.ok) return { kind: 'notJson', line: parsed.line };
      try {
        if (mode === 'check') return { kind: 'valid', summary: (await validateSop(api, parsed.value)).summary };
        const version = await uploadSop(api, parsed.value);
        return { kind: 'uploaded', id: version.id };
      } catch (error) {
        return refused(error);
      }
    },
    onSuccess: async (result) => {
      if (result.kind === 'uploaded') {
        await queryClient.invalidateQueries({ queryKey: ['sops'] });
        await navigate({ to: '/sops/$sopId', params: { sopId: result.id } });
      } else show(result);
    },
  });

  const spans = outcome?.kind === 'problems' ? jsonSpans(text) : null;
  const [caret, setCaret] = useState(0);
  /** Selects a stretch of the text and scrolls it into view (the text wraps: its height is measured, not guessed from the line). */
  const selectRange = (start: number, end: number) => {
    const area = textRef.current;
    if (!area) return;
    const full = area.value;
    const scrollTop = area.scrollTop;
    area.value = full.slice(0, start);
    const above = area.scrollHeight;
    area.value = full;
    area.scrollTop = scrollTop;
    area.focus();
    area.setSelectionRange(start, end);
    area.scrollTop = Math.max(0, above - area.clientHeight / 3);
    setCaret(start);
  };
  const select = (path: string) => {
    const span = locatePath(text, path, spans ?? undefined);
    if (span) selectRange(span.start, span.end);
  };
  /** Selects a whole line (1-based). */
  const selectLine = (line: number) => {
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    selectRange(Math.min(start, text.length), Math.min(start + (lines[line - 1]?.length ?? 0), text.length));
  };
  const lineCount = text.split('\n').length;

  return (
    <div className={styles.editor}>
      <div className={styles.field}>
        <label htmlFor={`${id}-doc`} className={styles.label}>
          {intl.formatMessage(sopMessages.documentLabel)}
        </label>
        <p id={`${id}-hint`} className={styles.hint}>
          {intl.formatMessage(sopMessages.documentHint, {
            // The codes are isolated left to right; the numbers are the page's own digits.
            iso: <bdi key="iso" dir="ltr">{ISO}</bdi>,
            hoursCode: <code key="h" dir="ltr">{HOURS_CODE}</code>,
            hours: 8,
            daysCode: <code key="d" dir="ltr">{DAYS_CODE}</code>,
            days: 3,
          })}
        </p>
        <textarea
          id={`${id}-doc`}
          ref={textRef}
          className={styles.textarea}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (outcome?.kind === 'valid') setOutcome(null);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          aria-describedby={`${id}-hint`}
          aria-invalid={outcome?.kind === 'problems' || outcome?.kind === 'notJson'}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          dir="ltr"
          rows={24}
        />
        <p className={styles.caret}>{intl.formatMessage(sopMessages.caretLine, { line: lineOf(text, Math.min(caret, text.length)), lines: lineCount })}</p>
      </div>
      <div className={styles.buttons}>
        <Button variant="secondary" onPress={() => run.mutate('check')} isDisabled={run.isPending}>
          {intl.formatMessage(sopMessages.check)}
        </Button>
        <Button onPress={() => run.mutate('upload')} isDisabled={run.isPending}>
          {intl.formatMessage(sopMessages.uploadDraft)}
        </Button>
      </div>
      <div ref={outcomeRef} tabIndex={-1} className={styles.outcome}>
        {outcome?.kind === 'notJson' ? (
          <div className={styles.problems}>
            <Alert>{intl.formatMessage(sopMessages.notJson, { line: outcome.line })}</Alert>
            <button type="button" className={[styles.path, styles.goTo].join(' ')} onClick={() => selectLine(outcome.line)}>
              {intl.formatMessage(sopMessages.goToLine, { line: outcome.line })}
            </button>
          </div>
        ) : null}
        {outcome?.kind === 'error' ? <Alert>{outcome.message}</Alert> : null}
        {outcome?.kind === 'valid' ? (
          <p role="status" className={styles.valid}>
            {intl.formatMessage(sopMessages.valid, {
              version: (
                <bdi key="version" dir="ltr" className={styles.versionLabel}>
                  {outcome.summary.version}
                </bdi>
              ),
              country: outcome.summary.jurisdiction.country,
              date: intl.formatDate(outcome.summary.effectiveFrom, { dateStyle: 'medium', timeZone: 'UTC' }),
              signatories: outcome.summary.signatories.length,
            })}
          </p>
        ) : null}
        {outcome?.kind === 'problems' ? (
          <div className={styles.problems}>
            <Alert>{intl.formatMessage(sopMessages.problems, { count: outcome.problems.length })}</Alert>
            {/* A problem the page has no words for (a code it does not know) is shown in the api's English: said so, not hidden. */}
            {inEnglish(intl.locale) || outcome.problems.every((p) => describeProblem(intl, p) !== null && p.code !== 'PROFILING_RULES') ? null : (
              <p className={styles.hint}>{intl.formatMessage(sopMessages.problemsInEnglish)}</p>
            )}
            <ul className={styles.problemList}>
              {outcome.problems.map((problem, index) => {
                const span = locatePath(text, problem.path, spans ?? undefined);
                return (
                  <li key={`${problem.path}-${index}`} className={styles.problem}>
                    <button
                      type="button"
                      className={styles.path}
                      onClick={() => select(problem.path)}
                      aria-describedby={`${id}-problem-${index}`}
                    >
                      <bdi dir="ltr">
                        <BreakableAtDots text={problem.path} />
                      </bdi>
                      {/* The line is part of the button: pressing it selects the value too. */}
                      {span ? (
                        <>
                          {' '}
                          <span className={styles.line}>{intl.formatMessage(sopMessages.problemLine, { line: lineOf(text, span.start) })}</span>
                        </>
                      ) : null}
                    </button>
                    <ProblemText id={`${id}-problem-${index}`} problem={problem} />
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
