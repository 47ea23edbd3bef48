export * from './facts';
export * from './non-refoulement';
export * from './detention-guard';
export * from './non-criminalisation';
export * from './age';
export * from './asylum-wish';
