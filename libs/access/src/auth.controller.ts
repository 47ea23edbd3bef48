import { Actor, ApiErrorAnswers, BadInputError, Clock, CurrentActor, Permission, permissionsOf, Public, RequestWithActor, RequirePermission } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { AccessErrors } from './access.errors';
import { OpenDuringPasswordChange, RequestWithSession } from './access.guard';
import { AuthService, TokenPair } from './auth.service';
import { BorderPoint } from './border-point.entity';
import { ChangePasswordDto, LoginDto, LogoutDto, RefreshDto } from './dto/auth.dto';
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

  @ApiOperation({ summary: 'Sign in with username and password: an access and a refresh token' })
  @ApiErrorAnswers({ 401: 'Wrong username or password', 429: 'Too many sign-in attempts from this address or for this account: wait and try again' })
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: RequestWithActor): Promise<TokenPair> {
    const ip = req.ip ?? 'unknown';
    const username = body.username.trim().toLowerCase();
    this.throttle.check(ip, username, this.clock.now().getTime());
    try {
      const pair = await this.auth.login(body.username, body.password, contextOf(req));
      this.throttle.succeeded(ip, username, this.clock.now().getTime());
      return pair;
    } catch (error) {
      if (AccessErrors.is(error, 'AUTH.INVALID_CREDENTIALS')) this.throttle.failed(ip, username, this.clock.now().getTime());
      throw error;
    }
  }

  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  @ApiErrorAnswers({ 401: 'The refresh token is unknown, expired or revoked' })
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto, @Req() req: RequestWithActor): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken, contextOf(req));
  }

  @ApiOperation({ summary: "Sign out: end the access token's session (and the one of a refresh token, if given)" })
  @ApiBearerAuth()
  @RequirePermission(Permission.SignedIn)
  @OpenDuringPasswordChange()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Body() body: LogoutDto, @Req() req: RequestWithSession): Promise<void> {
    if (!req.sessionId) throw AccessErrors.raise('AUTH.TOKEN_INVALID');
    await this.auth.logout(actor, req.sessionId, body.refreshToken, contextOf(req));
  }

  @ApiOperation({
    summary: 'Change your own password: the current one and a new one; your other sessions end. A session held at the password change is released by its next refresh',
  })
  @ApiErrorAnswers({ 400: 'A field is invalid, the current password is wrong (currentPassword) or the new one is the current one (newPassword)', 429: 'Too many wrong current passwords: wait and try again' })
  @ApiBearerAuth()
  @RequirePermission(Permission.SignedIn)
  @OpenDuringPasswordChange()
  @Post('auth/password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto, @Req() req: RequestWithSession): Promise<void> {
    if (!req.sessionId) throw AccessErrors.raise('AUTH.TOKEN_INVALID');
    // Wrong current passwords slow down like wrong sign-ins: a token left on a screen is no guessing machine.
    const ip = req.ip ?? 'unknown';
    this.throttle.check(ip, actor.username, this.clock.now().getTime());
    try {
      await this.auth.changePassword(actor, req.sessionId, body.currentPassword, body.newPassword, contextOf(req));
      this.throttle.succeeded(ip, actor.username, this.clock.now().getTime());
    } catch (error) {
      if (isWrongCurrentPassword(error)) this.throttle.failed(ip, actor.username, this.clock.now().getTime());
      throw error;
    }
  }

  @ApiOperation({ summary: 'Who you are: your agency, roles, border points and permissions' })
  @ApiBearerAuth()
  @RequirePermission(Permission.SignedIn)
  @OpenDuringPasswordChange()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<object> {
    const user = await this.dataSource.getRepository(AppUser).findOneBy({ id: actor.userId });
    if (!user) throw AccessErrors.raise('ACCESS.USER_NOT_FOUND');
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
      passwordChangeRequired: user.mustChangePassword,
    };
  }
}

const isWrongCurrentPassword = (error: unknown): boolean => error instanceof BadInputError && error.fields.some((f) => f.path === 'currentPassword');
