/* The Kivuko service worker (plain JavaScript: copied into the build as /sw.js by vite.config.ts, which
 * replaces the two placeholders below with the build's version and its precache list from Vite's manifest).
 *
 * - The app shell and every built file are precached at install, under a cache named by the build's version;
 *   navigations answer with the cached index.html, other files cache first. A new build installs beside
 *   the old one and waits: the page asks it to take over when the app next starts (never in the middle of a form).
 * - A few api reads that hold no personal data (the screening questionnaire, border points, leaflets) go to
 *   the network first and fall back to their last answer. No other api answer is ever stored: they carry
 *   case data (the api sends them with no-store). The signed-in user's own /me is kept by the app, sealed
 *   under their key, not here (one cache for every user of a shared device).
 */
const VERSION = '__KIVUKO_BUILD_VERSION__';
const PRECACHE = __KIVUKO_PRECACHE__;
const SHELL_CACHE = `kivuko-shell-${VERSION}`;
const API_CACHE = 'kivuko-api-reads-v1';
const API_READS = [/^\/api\/v1\/questionnaire$/, /^\/api\/v1\/border-points$/, /^\/api\/v1\/leaflets(\/[a-z]{2,3})?$/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('kivuko-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (API_READS.some((pattern) => pattern.test(url.pathname))) event.respondWith(networkFirst(request));
    return;
  }
  if (url.pathname.startsWith('/health') || url.pathname.startsWith('/docs') || url.pathname === '/sw.js') return;
  if (request.mode === 'navigate') {
    event.respondWith(shell(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

async function shell(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match('/index.html');
  if (cached) return cached;
  return fetch(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  return cached || fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}
