import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';

/** GET /api/v1/demo/accounts: only there in demo mode (404 otherwise), and not in the OpenAPI document. */
export interface DemoAccounts {
  password: string;
  accounts: { username: string; displayName: string; roles: string[]; agency: { name: string; kind: string }; borderPoints: string[] }[];
}

export const demoAccountsQuery = (origin: string) =>
  queryOptions({
    queryKey: ['demo-accounts'],
    queryFn: async (): Promise<DemoAccounts | null> => {
      const response = await fetch(new URL('/api/v1/demo/accounts', origin));
      if (response.status === 404) return null;
      if (!response.ok) throw await ApiError.from(response);
      return (await response.json()) as DemoAccounts;
    },
    staleTime: Infinity,
    retry: false,
  });
