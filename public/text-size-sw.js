/*
 * Text-size fallback for hosts that cannot answer /text-size/current.css by cookie (see
 * src/lib/text-size.ts). Installed only when a reader picks a size on /text-size/ and the server
 * did not honour it. It answers that one stylesheet from cache storage "lianjian-text-size", where
 * the text-size page keeps the chosen size's CSS; every other request goes to the network untouched.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || url.pathname !== '/text-size/current.css') return;
  event.respondWith(
    caches
      .open('lianjian-text-size')
      .then((cache) => cache.match('/text-size/current.css'))
      .then((hit) => hit ?? fetch(event.request)),
  );
});
