import type { Tone } from '../../../ui/status-chip';
import type { SopStatus } from '../sop-api';

/** A version's status → tone: the one in force is success, a draft waits (info), a retired one is neutral. */
export function sopTone(status: SopStatus): Tone {
  return status === 'ACTIVE' ? 'success' : status === 'DRAFT' ? 'info' : 'neutral';
}
