import { Injectable } from '@nestjs/common';
import { UserMilestoneReached, type Milestone } from '@marketpulse/contracts';
import { OutboxPublisher, deterministicEventId } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';

/** Records milestones and publishes the ones reached for the first time, in the caller's transaction. */
@Injectable()
export class MilestonesRepository {
  constructor(private readonly outbox: OutboxPublisher) {}

  async award(
    manager: EntityManager,
    awards: { userId: string; milestone: Milestone }[],
    now: Date,
  ): Promise<number> {
    if (awards.length === 0) return 0;
    const fresh: { user_id: string; milestone: Milestone }[] = await manager.query(
      `INSERT INTO user_milestones (user_id, milestone, reached_at)
       SELECT u, m, $3 FROM unnest($1::text[], $2::text[]) AS a(u, m)
       ON CONFLICT (user_id, milestone) DO NOTHING
       RETURNING user_id, milestone`,
      [awards.map((award) => award.userId), awards.map((award) => award.milestone), now],
    );
    await this.outbox.publishAllInTransaction(
      manager,
      fresh.map((row) => ({
        contract: UserMilestoneReached,
        payload: { userId: row.user_id, milestone: row.milestone, reachedAt: now.toISOString() },
        options: { id: deterministicEventId(`user.milestone:${row.user_id}:${row.milestone}`) },
      })),
    );
    return fresh.length;
  }
}
