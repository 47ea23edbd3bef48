export * from './casework.dto';
export * from './casework.module';
export * from './casework.service';
