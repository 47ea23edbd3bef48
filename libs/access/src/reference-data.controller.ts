import { Actor, CurrentActor, Permission, RequirePermission } from '@kivuko/platform';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Agency } from './agency.entity';
import { BorderPoint } from './border-point.entity';
import { CreateAgencyDto, CreateBorderPointDto, CreateUserDto } from './dto/reference-data.dto';
import { ReferenceDataService, UserView } from './reference-data.service';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ReferenceDataController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @RequirePermission(Permission.ReferenceDataRead)
  @Get('border-points')
  borderPoints(): Promise<BorderPoint[]> {
    return this.referenceData.listBorderPoints();
  }

  @RequirePermission(Permission.ReferenceDataManage)
  @Post('border-points')
  createBorderPoint(@CurrentActor() actor: Actor, @Body() body: CreateBorderPointDto): Promise<BorderPoint> {
    return this.referenceData.createBorderPoint(actor, body);
  }

  @RequirePermission(Permission.ReferenceDataRead)
  @Get('agencies')
  agencies(): Promise<Agency[]> {
    return this.referenceData.listAgencies();
  }

  @RequirePermission(Permission.ReferenceDataManage)
  @Post('agencies')
  createAgency(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<Agency> {
    return this.referenceData.createAgency(actor, body);
  }

  @RequirePermission(Permission.UsersRead)
  @Get('users')
  users(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return this.referenceData.listUsers(actor);
  }

  @RequirePermission(Permission.UsersManage)
  @Post('users')
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserView> {
    return this.referenceData.createUser(actor, body);
  }
}
