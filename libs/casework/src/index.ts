export { CaseworkModule } from './casework.module';
export { CaseworkErrors } from './casework.errors';
export { RegisterAsylumClaimDto } from './records/asylum/asylum.dto';
export { ReflectionPeriodDto, TraffickingIdentificationDto } from './records/trafficking/trafficking.dto';
export { OpenDetentionDto } from './records/detention/detention.dto';
export { AsylumService } from './records/asylum/asylum.service';
export { TraffickingService } from './records/trafficking/trafficking.service';
export { DetentionService } from './records/detention/detention.service';
