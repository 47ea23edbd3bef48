import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// The first load of a catalog chunk is transformed on demand, which on a busy machine takes over a second.
configure({ asyncUtilTimeout: 5000 });
// jsdom lays nothing out, so it has no scrolling: the forms that scroll to the top after a save call a no-op here.
// (Specs that run in the node environment have no window.)
if (typeof window !== 'undefined') window.scrollTo = () => undefined;
