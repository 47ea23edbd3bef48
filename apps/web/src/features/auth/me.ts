import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** GET /api/v1/me (the document has no response schema for it yet). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  agency: { id: string; name: string; kind: string };
  roles: string[];
  borderPoints: { id: string; code: string; name: string }[];
  permissions: string[];
}

export const meQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['me'],
    queryFn: () => unwrap<Me>(api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  });

export const can = (me: Me | undefined, permission: string): boolean => me?.permissions.includes(permission) ?? false;
