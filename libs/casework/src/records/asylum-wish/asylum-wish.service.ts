import { FieldGroup } from '@kivuko/access';
import { asylumWishEverRecorded, asylumWishInForce, loadCaseFacts } from '@kivuko/cases';
import { Actor, actorScope, Clock, FieldCipher } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { invalid, MANDATES, RecordSupport } from '../record-support';
import { AsylumWishWithdrawalDto } from './asylum-wish.dto';
import { CaseworkErrors } from '../../casework.errors';
import { claimInForce, insertWishWithdrawal, latestWishWithdrawal, readWishWithdrawal, WithdrawalRow } from './asylum-wish.queries';

/** The person's own withdrawal of an asylum wish, as recorded; the person's words are returned only to the recorder. */
export interface AsylumWishWithdrawalView {
  id: string;
  withdrawnOn: string;
  interpreterUsed: boolean;
  language: string;
  agencyId: string;
  recordedAt: string;
}

export const asylumWishWithdrawalView = (r: WithdrawalRow): AsylumWishWithdrawalView => ({
  id: r.id,
  withdrawnOn: r.withdrawn_on,
  interpreterUsed: r.interpreter_used,
  language: r.language,
  agencyId: r.agency_id,
  recordedAt: r.created_at.toISOString(),
});

/** The encryption context of a withdrawal's words: they decrypt only as this record's. */
const wordsContext = (id: string): string => `asylum_wish_withdrawal:${id}`;

/**
 * An asylum wish recorded at intake (in any words) ends only when the person withdraws it, and only the
 * asylum authority records that, with the person's words and how they were heard. Until then nobody can
 * remove the ASYLUM_SEEKER profile and the non-refoulement lock counts the wish. A withdrawal ends only
 * the wish recorded before it: a wish expressed again afterwards stands, and is withdrawn anew. Once the
 * wish has become a claim, it is the claim that is withdrawn.
 */
@Injectable()
export class AsylumWishService {
  constructor(
    private readonly support: RecordSupport,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  withdraw(actor: Actor, caseId: string, dto: AsylumWishWithdrawalDto, correlationId?: string): Promise<AsylumWishWithdrawalView & { words: string }> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.asylum);
      const facts = await loadCaseFacts(manager, this.cipher, caseId);
      if (dto.withdrawnOn > this.clock.now().toISOString().slice(0, 10)) throw invalid('withdrawnOn', 'must not be in the future');
      if (dto.withdrawnOn < facts.arrival.arrivedAt.slice(0, 10)) throw invalid('withdrawnOn', 'must not be before the person arrived');
      if (!(await asylumWishEverRecorded(manager, facts, caseId))) throw CaseworkErrors.raise('ASYLUM.NO_WISH_RECORDED');
      // A withdrawal ends the wish recorded before it; a wish expressed again since is withdrawn anew.
      if (!(await asylumWishInForce(manager, facts, caseId))) {
        const [earlier] = await latestWishWithdrawal(manager, caseId);
        throw CaseworkErrors.raise('ASYLUM.WISH_ALREADY_WITHDRAWN', undefined, { withdrawalId: earlier?.id });
      }
      const [claim] = await claimInForce(manager, caseId);
      if (claim) throw CaseworkErrors.raise('ASYLUM.CLAIM_IN_FORCE', undefined, { claimId: claim.id });

      const id = randomUUID();
      await insertWishWithdrawal(manager, id, caseId, actor.agencyId, actor.userId, dto.withdrawnOn, this.cipher.encrypt(dto.words, wordsContext(id)), dto.interpreterUsed, dto.language);
      await this.support.audited(manager, actor, caseId, 'ASYLUM.WISH_WITHDRAWN', FieldGroup.ASYLUM, { withdrawalId: id, interpreterUsed: dto.interpreterUsed, language: dto.language }, correlationId);
      const [row] = await readWishWithdrawal(manager, id);
      return { ...asylumWishWithdrawalView(row), words: dto.words };
    });
  }
}
