export * from './test-servers';
export * from './test-database';
export * from './tcp-proxy';
