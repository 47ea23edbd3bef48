export * from './backup-manifest';
export * from './backup';
