import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AsylumWishWithdrawalDto } from './asylum-wish.dto';
import { AsylumWishService, AsylumWishWithdrawalView } from './asylum-wish.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * The person's own withdrawal of the asylum wish recorded at intake.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class AsylumWishController {
  constructor(private readonly asylumWish: AsylumWishService) {}

  /** The person's own withdrawal of the asylum wish recorded at intake: only then may ASYLUM_SEEKER go and the lock stop counting the wish. */
  @ApiOperation({ summary: "Record the person's own withdrawal of the asylum wish recorded at intake" })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-wish/withdrawal')
  withdrawWish(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumWishWithdrawalDto, @Req() req: RequestWithActor): Promise<AsylumWishWithdrawalView & { words: string }> {
    return this.asylumWish.withdraw(actor, id, body, correlationOf(req));
  }
}
