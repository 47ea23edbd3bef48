import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A write to one of the case's protection records: on success the records and the safeguard status are read
 * again (the api is the one that decides what changed), and `onDone` runs (a form clears, a notice shows).
 */
export function useRecord<T>(caseId: string, send: (body: T) => Promise<unknown>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['protection', caseId] });
      onDone?.();
    },
  });
}
