export * from './sop-lifecycle.module';
export * from './sop-lifecycle.errors';
export * from './sop.service';
export * from './sop-versions';
export * from './sop.dto';
export * from './sop-view';
export * from './recent-simulation';
