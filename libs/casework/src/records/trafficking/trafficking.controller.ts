import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { HtcdsRow } from './htcds';
import { ReflectionPeriodDto, ResidencePermitDto, TraffickingAssistanceDto, TraffickingIdentificationDto } from './trafficking.dto';
import { TraffickingService, TraffickingView } from './trafficking.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Trafficking (the anti-trafficking coordinator): identification, reflection period, residence permit, assistance, the HTCDS export.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class TraffickingController {
  constructor(private readonly trafficking: TraffickingService) {}

  @ApiOperation({ summary: 'Record the trafficking identification status' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Put('trafficking/identification')
  identify(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: TraffickingIdentificationDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.identify(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Start the reflection period of a presumed trafficking victim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('trafficking/reflection-period')
  @HttpCode(200)
  reflection(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReflectionPeriodDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.startReflection(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: "Record a trafficking victim's residence permit" })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('trafficking/residence-permit')
  @HttpCode(200)
  permit(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ResidencePermitDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.grantPermit(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record assistance given to a trafficking victim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('trafficking/assistance')
  @HttpCode(200)
  assistance(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: TraffickingAssistanceDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.addAssistance(actor, id, body, correlationOf(req));
  }

  /** The case as one de-identified row in the IOM HTCDS / CTDC field layout (the anti-trafficking agency). */
  @ApiOperation({ summary: 'Export the case as one de-identified HTCDS / CTDC row' })
  @RequirePermission(Permission.CaseRecordsWrite)
  @Get('trafficking/export')
  exportHtcds(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<{ layout: string; fields: string[]; row: HtcdsRow }> {
    return this.trafficking.exportHtcds(actor, id, correlationOf(req));
  }
}
