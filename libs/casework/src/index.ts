export * from './casework.dto';
export * from './casework.module';
export * from './casework.service';
export * from './records/records.dto';
export * from './records/asylum.service';
export * from './records/trafficking.service';
export * from './records/detention.service';
export * from './records/detention-reviews';
