import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { leafletsQuery } from '../intake/options';
import { questionnaireQuery } from '../intake/questionnaire';
import { LEAFLET_LANGUAGES, leafletQuery } from '../rights/rights-api';
import { useOnline } from './offline-context';

/** Whether a service worker controls the page (it keeps the api reads below for offline use). */
function useServiceWorkerController(): ServiceWorker | null {
  const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  const [controller, setController] = useState<ServiceWorker | null>(container?.controller ?? null);
  useEffect(() => {
    if (!container) return;
    const changed = () => setController(container.controller);
    container.addEventListener('controllerchange', changed);
    return () => container.removeEventListener('controllerchange', changed);
  }, [container]);
  return controller;
}

/**
 * While online, reads once what registering with no network needs — the screening questionnaire and the
 * rights leaflets in every language — so that the service worker holds their last answer before the link
 * goes down (it keeps no other api answer). Read again whenever a new service worker takes control.
 */
export function useOfflineWarmUp(api: ApiClient, enabled: boolean): void {
  const queryClient = useQueryClient();
  const online = useOnline();
  const controller = useServiceWorkerController();
  useEffect(() => {
    if (!enabled || !online || !controller) return;
    const ignore = () => undefined;
    void queryClient.fetchQuery({ ...questionnaireQuery(api), staleTime: 0 }).catch(ignore);
    void queryClient.fetchQuery({ ...leafletsQuery(api), staleTime: 0 }).catch(ignore);
    for (const language of LEAFLET_LANGUAGES) void queryClient.fetchQuery({ ...leafletQuery(api, language), staleTime: 0 }).catch(ignore);
  }, [api, enabled, online, controller, queryClient]);
}
