import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  CarePlacementDto,
  EndCarePlacementDto,
  OpenTracingDto,
  ProposeReunificationDto,
  ReunificationChildViewsDto,
  ReunificationOutcomeDto,
  StopTracingDto,
  TracingOutcomeDto,
} from './family.dto';
import { CarePlacementView, FamilyService, ReunificationView, TracingView } from './family.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Family tracing, reunification and interim care of a child (child protection).
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class FamilyController {
  constructor(private readonly family: FamilyService) {}

  /** Family tracing: only with the family-tracing consent (or a legal basis) for your agency on record. */
  @ApiOperation({ summary: 'Open family tracing for a child' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('family-tracing')
  openTracing(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: OpenTracingDto, @Req() req: RequestWithActor): Promise<TracingView> {
    return this.family.openTracing(actor, id, body, correlationOf(req));
  }

  /** Tracing could endanger the child or the family: it stops, and no new tracing can start. */
  @ApiOperation({ summary: 'Stop family tracing that could endanger the child or the family' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('family-tracing/:tracingId/stop')
  @HttpCode(200)
  stopTracing(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('tracingId', uuid) tracingId: string, @Body() body: StopTracingDto, @Req() req: RequestWithActor): Promise<TracingView> {
    return this.family.stopTracing(actor, id, tracingId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the outcome of family tracing' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('family-tracing/:tracingId/outcome')
  @HttpCode(200)
  tracingOutcome(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('tracingId', uuid) tracingId: string, @Body() body: TracingOutcomeDto, @Req() req: RequestWithActor): Promise<TracingView> {
    return this.family.concludeTracing(actor, id, tracingId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Propose a family reunification' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('reunifications')
  proposeReunification(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ProposeReunificationDto, @Req() req: RequestWithActor): Promise<ReunificationView> {
    return this.family.proposeReunification(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the outcome of a family reunification' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('reunifications/:reunificationId/outcome')
  @HttpCode(200)
  reunificationOutcome(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('reunificationId', uuid) reunificationId: string,
    @Body() body: ReunificationOutcomeDto,
    @Req() req: RequestWithActor,
  ): Promise<ReunificationView> {
    return this.family.concludeReunification(actor, id, reunificationId, body, correlationOf(req));
  }

  /** The child's agreement, heard after the proposal (a reunion needs it). */
  @ApiOperation({ summary: "Record the child's views on a proposed family reunification" })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('reunifications/:reunificationId/child-views')
  @HttpCode(200)
  reunificationChildViews(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('reunificationId', uuid) reunificationId: string,
    @Body() body: ReunificationChildViewsDto,
    @Req() req: RequestWithActor,
  ): Promise<ReunificationView> {
    return this.family.recordChildViews(actor, id, reunificationId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Place a child in care' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('care-placements')
  place(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: CarePlacementDto, @Req() req: RequestWithActor): Promise<CarePlacementView> {
    return this.family.place(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'End a care placement' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('care-placements/:placementId/end')
  @HttpCode(200)
  endPlacement(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('placementId', uuid) placementId: string, @Body() body: EndCarePlacementDto, @Req() req: RequestWithActor): Promise<CarePlacementView> {
    return this.family.endPlacement(actor, id, placementId, body, correlationOf(req));
  }
}
