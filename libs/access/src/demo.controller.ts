import { PLATFORM_RUNTIME, PlatformRuntime, Public } from '@kivuko/platform';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DemoAccount, DemoService } from './demo.service';

/** Registered only in demo mode: lists the demo sign-ins so a newcomer can try every role. */
@ApiTags('demo')
@Public()
@Controller({ path: 'demo', version: '1' })
export class DemoController {
  constructor(
    private readonly demo: DemoService,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
  ) {}

  @ApiOperation({ summary: 'List the demo sign-ins, one for every role' })
  @Get('accounts')
  accounts(): { password: string; accounts: DemoAccount[] } {
    return { password: this.runtime.config.demo.password, accounts: this.demo.accounts() };
  }
}
