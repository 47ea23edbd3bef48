import { Actor, ApiConflict, CurrentActor, Permission, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Agency } from './agency.entity';
import { BorderPoint } from './border-point.entity';
import { CreateAgencyDto, CreateBorderPointDto, CreateUserDto } from './dto/reference-data.dto';
import { UpdateAgencyDto, UpdateBorderPointDto, UpdateUserDto } from './dto/reference-data-update.dto';
import { ReferenceDataService, UserView } from './reference-data.service';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ReferenceDataController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @ApiOperation({ summary: 'List the border points' })
  @RequirePermission(Permission.ReferenceDataRead)
  @Get('border-points')
  borderPoints(): Promise<BorderPoint[]> {
    return this.referenceData.listBorderPoints();
  }

  @ApiOperation({ summary: 'Add a border point' })
  @ApiConflict()
  @RequirePermission(Permission.ReferenceDataManage)
  @Post('border-points')
  createBorderPoint(@CurrentActor() actor: Actor, @Body() body: CreateBorderPointDto): Promise<BorderPoint> {
    return this.referenceData.createBorderPoint(actor, body);
  }

  @ApiOperation({ summary: 'Change a border point (name, country, kind, region, active); its code stays' })
  @RequirePermission(Permission.ReferenceDataManage)
  @Patch('border-points/:id')
  updateBorderPoint(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string, @Body() body: UpdateBorderPointDto): Promise<BorderPoint> {
    return this.referenceData.updateBorderPoint(actor, id, body);
  }

  @ApiOperation({ summary: 'List the agencies with their services and coverage' })
  @RequirePermission(Permission.ReferenceDataRead)
  @Get('agencies')
  agencies(): Promise<Agency[]> {
    return this.referenceData.listAgencies();
  }

  @ApiOperation({ summary: 'Add an agency' })
  @ApiConflict()
  @RequirePermission(Permission.ReferenceDataManage)
  @Post('agencies')
  createAgency(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<Agency> {
    return this.referenceData.createAgency(actor, body);
  }

  @ApiOperation({ summary: 'Change an agency (kind, services, coverage, languages, capacity, contacts, active)' })
  @ApiConflict()
  @RequirePermission(Permission.ReferenceDataManage)
  @Patch('agencies/:id')
  updateAgency(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string, @Body() body: UpdateAgencyDto): Promise<Agency> {
    return this.referenceData.updateAgency(actor, id, body);
  }

  @ApiOperation({ summary: 'List the users' })
  @RequirePermission(Permission.UsersRead)
  @Get('users')
  users(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return this.referenceData.listUsers(actor);
  }

  @ApiOperation({ summary: 'Add a user' })
  @ApiConflict()
  @RequirePermission(Permission.UsersManage)
  @Post('users')
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserView> {
    return this.referenceData.createUser(actor, body);
  }

  @ApiOperation({ summary: "Change a user's name, roles, agency or border points" })
  @RequirePermission(Permission.UsersManage)
  @Patch('users/:id')
  updateUser(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.referenceData.updateUser(actor, id, body);
  }

  @ApiOperation({ summary: "Reset a user's password: a temporary one, shown once; the user's sessions end" })
  @ApiConflict()
  @RequirePermission(Permission.UsersManage)
  @Post('users/:id/password-reset')
  @HttpCode(200)
  resetPassword(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string): Promise<{ temporaryPassword: string }> {
    return this.referenceData.resetPassword(actor, id);
  }

  @ApiOperation({ summary: 'Reactivate a deactivated user: they sign in again with the password they had' })
  @ApiConflict()
  @RequirePermission(Permission.UsersManage)
  @Post('users/:id/reactivate')
  @HttpCode(200)
  reactivateUser(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string): Promise<UserView> {
    return this.referenceData.reactivateUser(actor, id);
  }

  @ApiOperation({ summary: 'Deactivate a user: sessions end now and sign-in is refused' })
  @ApiConflict()
  @RequirePermission(Permission.UsersManage)
  @Post('users/:id/deactivate')
  @HttpCode(200)
  deactivateUser(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string): Promise<UserView> {
    return this.referenceData.deactivateUser(actor, id);
  }
}
