/**
 * Registers the service worker (production builds only). A build installed while the app was open waits;
 * when the app next starts and finds one waiting, it lets it take over and reloads once, before any form is
 * open, so a new build never replaces the page under a half-filled form.
 */
export async function registerServiceWorker(win: Window): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in win.navigator)) return;
  try {
    const registration = await win.navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' });
    if (registration.waiting && win.navigator.serviceWorker.controller) {
      win.navigator.serviceWorker.addEventListener('controllerchange', () => win.location.reload(), { once: true });
      registration.waiting.postMessage({ type: 'SKIP_WAITING' });
    }
  } catch {
    // No service worker (private mode, an old browser): the app works online as before.
  }
}
