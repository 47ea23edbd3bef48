import { Actor, CurrentActor, NotFoundError, Permission, permissionsOf, Public, RequestWithActor, RequirePermission } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { AuthService, TokenPair } from './auth.service';
import { BorderPoint } from './border-point.entity';
import { LoginDto, RefreshDto } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';

const contextOf = (req: RequestWithActor): { correlationId?: string } => ({ correlationId: req.id ? String(req.id) : undefined });

@ApiTags('auth')
@Controller({ version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() req: RequestWithActor): Promise<TokenPair> {
    this.throttle.check(req.ip ?? 'unknown', body.username.trim().toLowerCase());
    return this.auth.login(body.username, body.password, contextOf(req));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto, @Req() req: RequestWithActor): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken, contextOf(req));
  }

  @ApiBearerAuth()
  @RequirePermission(Permission.SignedIn)
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Body() body: RefreshDto, @Req() req: RequestWithActor): Promise<void> {
    await this.auth.logout(actor, body.refreshToken, contextOf(req));
  }

  @ApiBearerAuth()
  @RequirePermission(Permission.SignedIn)
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<object> {
    const user = await this.dataSource.getRepository(AppUser).findOneBy({ id: actor.userId });
    if (!user) throw new NotFoundError('ACCESS.USER_NOT_FOUND', 'The signed-in user no longer exists');
    const agency = await this.dataSource.getRepository(Agency).findOneByOrFail({ id: user.agencyId });
    const borderPoints = user.borderPointIds.length
      ? await this.dataSource.getRepository(BorderPoint).find({ where: { id: In(user.borderPointIds) }, order: { code: 'ASC' } })
      : [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      agency: { id: agency.id, name: agency.name, kind: agency.kind },
      roles: user.roles,
      borderPoints: borderPoints.map((b) => ({ id: b.id, code: b.code, name: b.name })),
      permissions: [...permissionsOf(user.roles)].sort(),
    };
  }
}
