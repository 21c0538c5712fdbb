import type { Stage } from '../../../src-main/domain/words.js';
import { ConsensusSeats } from './ConsensusSeats.js';
import { ConsensusWorkspace } from './ConsensusWorkspace.js';

export type SeatRef = { applicantId: string; stage: Stage };

/** The list of seats, or one seat's consensus: the same on the leader's laptop and at the secretariat. */
export function ConsensusPanel({ editionId, seat, laptop, onSeat }: { editionId: string; seat: SeatRef | undefined; laptop: boolean; onSeat(seat: SeatRef | undefined): void }) {
  if (seat) return <ConsensusWorkspace key={`${seat.applicantId}-${seat.stage}`} editionId={editionId} seat={seat} laptop={laptop} onBack={() => onSeat(undefined)} />;
  return <ConsensusSeats editionId={editionId} laptop={laptop} onOpen={onSeat} />;
}
