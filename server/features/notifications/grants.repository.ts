import type { Database } from '../../db/database'

/** Adds one message allowance per accepted template (race-safe upsert on both dialects). */
export async function addGrants(db: Database, userId: string, templateIds: string[], now: string): Promise<void> {
  for (const templateId of templateIds) {
    await db
      .insertInto('subscription_grants')
      .values({ user_id: userId, template_id: templateId, remaining: 1, updated_at: now })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'template_id'])
          .doUpdateSet((eb) => ({ remaining: eb('subscription_grants.remaining', '+', 1), updated_at: now })),
      )
      .execute()
  }
}

/** Takes one allowance; false when none is left. */
export async function consumeGrant(db: Database, userId: string, templateId: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('subscription_grants')
    .set((eb) => ({ remaining: eb('remaining', '-', 1), updated_at: now }))
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .where('remaining', '>', 0)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Gives an allowance back after WeChat refused a message without using it. */
export async function restoreGrant(db: Database, userId: string, templateId: string, now: string): Promise<void> {
  await addGrants(db, userId, [templateId], now)
}

/** WeChat says the shopper has no allowance left (43101): forget what we counted. */
export async function clearGrant(db: Database, userId: string, templateId: string, now: string): Promise<void> {
  await db
    .updateTable('subscription_grants')
    .set({ remaining: 0, updated_at: now })
    .where('user_id', '=', userId)
    .where('template_id', '=', templateId)
    .execute()
}

/** Allowances left per template for one shopper. */
export async function listGrants(db: Database, userId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('subscription_grants').select(['template_id', 'remaining']).where('user_id', '=', userId).execute()
  return new Map(rows.map((r) => [r.template_id, r.remaining]))
}
