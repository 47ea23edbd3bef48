export { CaseworkModule } from './casework.module';
export { OpenDetentionDto, ReflectionPeriodDto, RegisterAsylumClaimDto, TraffickingIdentificationDto } from './records/records.dto';
export { AsylumService } from './records/asylum.service';
export { TraffickingService } from './records/trafficking.service';
export { DetentionService } from './records/detention.service';
