import { useState } from 'react';
import { useRecord } from './use-record';

/**
 * A follow-up step asked in a dialog: opening it starts afresh (the last attempt's error is cleared); once the
 * api has recorded the step, the dialog closes, the records are read again and `onDone` runs.
 */
export function useStep<T>(caseId: string, send: (body: T) => Promise<unknown>, onDone?: () => void) {
  const [isOpen, setOpen] = useState(false);
  const mutation = useRecord(caseId, send, () => {
    setOpen(false);
    onDone?.();
  });
  return {
    isOpen,
    mutation,
    mutate: mutation.mutate,
    open: () => {
      mutation.reset();
      setOpen(true);
    },
    close: () => {
      setOpen(false);
      mutation.reset();
    },
  };
}
