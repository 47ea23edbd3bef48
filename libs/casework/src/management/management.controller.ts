import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, PlatformErrors, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ClosureService, ClosureView, ServiceView } from './closure.service';
import { DashboardService, DashboardView } from './dashboard.service';
import { AddTaskDto, AssignDto, CloseCaseDto, CloseTaskDto, DecideTransferDto, ProposeTransferDto, RecordServiceDto, ReopenCaseDto, TaskQuery } from './management.dto';
import { ResponsibilityService, ResponsibilityView, TransferView } from './responsibility.service';
import { TasksService, TaskView } from './tasks.service';

const uuid = new UuidParamPipe();

/** Working a case: tasks, who holds it, the transfer of its lead, services delivered, closure; the supervisor's dashboard. */
@ApiTags('case management')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ManagementController {
  constructor(
    private readonly tasks: TasksService,
    private readonly responsibility: ResponsibilityService,
    private readonly closure: ClosureService,
    private readonly dashboard: DashboardService,
  ) {}

  /** Your open tasks, soonest due first: your agency's, your border points', or those assigned to you. */
  @ApiOperation({ summary: 'Your open tasks, soonest due first' })
  @RequirePermission(Permission.CasesRead)
  @Get('tasks')
  queue(@CurrentActor() actor: Actor, @Query() query: TaskQuery): Promise<{ items: TaskView[]; nextCursor?: string }> {
    return this.tasks.queue(actor, query);
  }

  @ApiOperation({ summary: 'List the tasks on a case' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/tasks')
  caseTasks(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<TaskView[]> {
    return this.tasks.ofCase(actor, id);
  }

  @ApiOperation({ summary: 'Add a task to a case' })
  @RequirePermission(Permission.CaseManage)
  @Post('cases/:id/tasks')
  addTask(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AddTaskDto, @Req() req: RequestWithActor): Promise<TaskView> {
    return this.tasks.add(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Complete a task' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  completeTask(@CurrentActor() actor: Actor, @Param('taskId', uuid) taskId: string, @Body() body: CloseTaskDto, @Req() req: RequestWithActor): Promise<TaskView> {
    return this.tasks.complete(actor, taskId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Cancel a task' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('tasks/:taskId/cancel')
  @HttpCode(200)
  cancelTask(@CurrentActor() actor: Actor, @Param('taskId', uuid) taskId: string, @Body() body: CloseTaskDto, @Req() req: RequestWithActor): Promise<TaskView> {
    return this.tasks.cancel(actor, taskId, body, correlationOf(req));
  }

  /** The lead agency, each agency's caseworker, and the transfers of the lead. */
  @ApiOperation({ summary: 'Who is responsible for a case: lead agency, caseworkers, transfers' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/responsibility')
  responsibilityOf(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ResponsibilityView> {
    return this.responsibility.view(actor, id);
  }

  /** Gives the case to a caseworker of your agency. */
  @ApiOperation({ summary: 'Assign a case to a caseworker of your agency' })
  @RequirePermission(Permission.CasesAssign)
  @Put('cases/:id/assignment')
  assign(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AssignDto, @Req() req: RequestWithActor): Promise<ResponsibilityView> {
    return this.responsibility.assign(actor, id, body, correlationOf(req));
  }

  /** The lead agency proposes another agency as lead (consent or a legal basis for it must be on record). */
  @ApiOperation({ summary: 'Propose another agency as the lead on a case' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('cases/:id/transfers')
  propose(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ProposeTransferDto, @Req() req: RequestWithActor): Promise<TransferView> {
    return this.responsibility.propose(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'List the lead transfers proposed to or by your agency' })
  @RequirePermission(Permission.CaseManage)
  @ApiQuery({ name: 'direction', enum: ['INCOMING', 'OUTGOING'], required: false })
  @Get('transfers')
  transfers(@CurrentActor() actor: Actor, @Query('direction') direction?: string): Promise<TransferView[]> {
    if (direction !== undefined && direction !== 'INCOMING' && direction !== 'OUTGOING') {
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'direction', problem: 'must be INCOMING or OUTGOING' }], 'The request has 1 invalid field');
    }
    return this.responsibility.list(actor, direction ?? 'INCOMING');
  }

  @ApiOperation({ summary: 'Accept the lead on a case transferred to your agency' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('transfers/:transferId/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('transferId', uuid) transferId: string, @Req() req: RequestWithActor): Promise<TransferView> {
    return this.responsibility.accept(actor, transferId, correlationOf(req));
  }

  @ApiOperation({ summary: 'Decline a lead transfer proposed to your agency' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('transfers/:transferId/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('transferId', uuid) transferId: string, @Body() body: DecideTransferDto, @Req() req: RequestWithActor): Promise<TransferView> {
    return this.responsibility.decline(actor, transferId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Cancel a lead transfer your agency proposed' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('transfers/:transferId/cancel')
  @HttpCode(200)
  cancelTransfer(@CurrentActor() actor: Actor, @Param('transferId', uuid) transferId: string, @Body() body: DecideTransferDto, @Req() req: RequestWithActor): Promise<TransferView> {
    return this.responsibility.cancel(actor, transferId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'List the services delivered on a case' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/services')
  services(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ServiceView[]> {
    return this.closure.listServices(actor, id);
  }

  /** A service delivered to the person (the closed loop: the sending border point sees it on its case). */
  @ApiOperation({ summary: 'Record a service delivered to the person' })
  @RequirePermission(Permission.CaseManage)
  @Post('cases/:id/services')
  recordService(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: RecordServiceDto, @Req() req: RequestWithActor): Promise<ServiceView> {
    return this.closure.recordService(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Close a case with an outcome code' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('cases/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: CloseCaseDto, @Req() req: RequestWithActor): Promise<ClosureView> {
    return this.closure.close(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Reopen a closed case' })
  @ApiConflict()
  @RequirePermission(Permission.CaseManage)
  @Post('cases/:id/reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReopenCaseDto, @Req() req: RequestWithActor): Promise<ClosureView> {
    return this.closure.reopen(actor, id, body, correlationOf(req));
  }

  /** Counts over your caseload: status and profile, overdue referrals and tasks, pending consent, cases without a lead. */
  @ApiOperation({ summary: "The supervisor's dashboard: counts over your caseload" })
  @RequirePermission(Permission.DashboardRead)
  @Get('dashboard')
  dashboardView(@CurrentActor() actor: Actor, @Req() req: RequestWithActor): Promise<DashboardView> {
    return this.dashboard.view(actor, correlationOf(req));
  }
}
