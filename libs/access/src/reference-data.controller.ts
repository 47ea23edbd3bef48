import { Actor, ApiConflict, CurrentActor, Permission, RequirePermission } from '@kivuko/platform';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Agency } from './agency.entity';
import { BorderPoint } from './border-point.entity';
import { CreateAgencyDto, CreateBorderPointDto, CreateUserDto } from './dto/reference-data.dto';
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
}
