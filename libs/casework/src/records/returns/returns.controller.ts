import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  CancelDto,
  CounsellingSessionDto,
  DepartureDto,
  ExecuteRemovalDto,
  RemovalOrderDto,
  VoluntarinessDto,
  VoluntaryReturnDto,
  VulnerabilityAssessmentDto,
} from './returns.dto';
import { RemovalOrderView, ReturnsService, VoluntaryReturnView } from './returns.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Removal (the immigration authority) and assisted voluntary return (the return agency), under the non-refoulement lock.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class ReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  @ApiOperation({ summary: 'Order a removal (checked by the non-refoulement safeguards)' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('removal-orders')
  orderRemoval(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: RemovalOrderDto, @Req() req: RequestWithActor): Promise<RemovalOrderView> {
    return this.returns.orderRemoval(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record that a removal was carried out' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('removal-orders/:orderId/execute')
  @HttpCode(200)
  executeRemoval(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('orderId', uuid) orderId: string, @Body() body: ExecuteRemovalDto, @Req() req: RequestWithActor): Promise<RemovalOrderView> {
    return this.returns.executeRemoval(actor, id, orderId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Cancel a removal order' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('removal-orders/:orderId/cancel')
  @HttpCode(200)
  cancelRemoval(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('orderId', uuid) orderId: string, @Body() body: CancelDto, @Req() req: RequestWithActor): Promise<RemovalOrderView> {
    return this.returns.cancelRemoval(actor, id, orderId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Request an assisted voluntary return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns')
  requestReturn(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: VoluntaryReturnDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.requestReturn(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record a return counselling session' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/counselling')
  @HttpCode(200)
  counsel(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: CounsellingSessionDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.counsel(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the check that a return is voluntary' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/voluntariness')
  @HttpCode(200)
  voluntariness(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: VoluntarinessDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.confirmVoluntariness(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the vulnerability assessment before a return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/vulnerability-assessment')
  @HttpCode(200)
  vulnerability(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('returnId', uuid) returnId: string,
    @Body() body: VulnerabilityAssessmentDto,
    @Req() req: RequestWithActor,
  ): Promise<VoluntaryReturnView> {
    return this.returns.assessVulnerability(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the departure of an assisted voluntary return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/depart')
  @HttpCode(200)
  depart(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: DepartureDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.depart(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Withdraw an assisted voluntary return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/withdraw')
  @HttpCode(200)
  withdrawReturn(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: CancelDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.withdraw(actor, id, returnId, body, correlationOf(req));
  }
}
