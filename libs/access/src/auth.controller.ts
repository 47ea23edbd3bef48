import { Actor, Clock, CurrentActor, DomainError, NotFoundError, Permission, permissionsOf, Public, RequestWithActor, RequirePermission } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { AccessErrors } from './access.errors';
import { RequestWithSession } from './access.guard';
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
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: RequestWithActor): Promise<TokenPair> {
    const ip = req.ip ?? 'unknown';
    const username = body.username.trim().toLowerCase();
    this.throttle.check(ip, username, this.clock.now().getTime());
    try {
      const pair = await this.auth.login(body.username, body.password, contextOf(req));
      this.throttle.succeeded(username);
      return pair;
    } catch (error) {
      if (error instanceof DomainError && error.code === AccessErrors.invalidCredentials().code) this.throttle.failed(ip, username, this.clock.now().getTime());
      throw error;
    }
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
  async logout(@CurrentActor() actor: Actor, @Body() body: RefreshDto, @Req() req: RequestWithSession): Promise<void> {
    if (!req.sessionId) throw AccessErrors.tokenInvalid();
    await this.auth.logout(actor, req.sessionId, body.refreshToken, contextOf(req));
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
