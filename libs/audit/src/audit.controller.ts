import { Permission, RequirePermission } from '@kivuko/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditVerificationDto } from './audit-verification.dto';
import { AuditService, AuditVerification } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller({ path: 'audit', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @RequirePermission(Permission.AuditVerify)
  @ApiOperation({ summary: 'Recompute every audit hash chain' })
  @ApiOkResponse({
    type: AuditVerificationDto,
    description:
      'The result of recomputing every chain (one per case, one per UTC day for events without a case): `ok`, the number of chains and events checked, and the first broken link when there is one.',
  })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
