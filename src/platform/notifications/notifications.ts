import type { Db, Queryable } from '../db/index.js';
import { requireActor } from '../http/actor.js';
import { notFound, unauthenticated } from '../http/errors.js';
import type { Role } from '../http/permissions.js';
import { instantOf } from '../schemas.js';

export interface Notice {
  /** `<module>.<event>`, e.g. `sjp.submitted`, `sjp.deadline_soon`. */
  kind: string;
  title: string;
  body?: string;
  link?: string;
  entityType?: string;
  entityId?: string;
  /** A reminder that must reach its audience once only (e.g. `sjp:12:late`). */
  dedupeKey?: string;
}

/** Who receives it: every user of a role (of one facility, for facility roles), or one user. */
export type Audience = { role: Role; facilityCode?: string | null } | { userId: number };

/**
 * A delivery channel besides the in-app list. E-mail or WhatsApp gateways
 * implement this and are registered at start-up; the in-app row is always
 * written first, inside the caller's transaction, so a message is never lost
 * when a gateway is down.
 */
export interface NotificationChannel {
  name: string;
  deliver(notice: Notice & { id: number }, audience: Audience): Promise<void>;
}

/**
 * Writes a notification in the caller's transaction (it commits with the
 * change it announces). Returns the id, or null when the dedupe key was
 * already used.
 */
export async function notify(tx: Queryable, audience: Audience, n: Notice): Promise<number | null> {
  const role = 'role' in audience ? audience.role : null;
  const facility = 'role' in audience ? (audience.facilityCode ?? null) : null;
  const user = 'userId' in audience ? audience.userId : null;
  const r = await tx.query<{ id: number }>(
    `INSERT INTO notification (kind, role, facility_code, user_id, title, body, link, entity_type, entity_id, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      n.kind,
      role,
      facility,
      user,
      n.title,
      n.body ?? '',
      n.link ?? null,
      n.entityType ?? null,
      n.entityId ?? null,
      n.dedupeKey ?? null,
    ],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

interface Row {
  id: number;
  created_at: Date;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  read: boolean;
}

/** The current user's notifications: addressed to them, to their role, or to their role at their facility. */
export function createNotificationService(db: Db, channels: NotificationChannel[] = []) {
  /** A person's list: the system (id 0) has none. */
  function me() {
    const a = requireActor();
    if (a.id <= 0) throw unauthenticated();
    return a;
  }

  const MINE = `(n.user_id = $1 OR (n.role = $2 AND (n.facility_code IS NULL OR n.facility_code = $3)))`;

  async function list(opts: { unreadOnly: boolean; limit: number }) {
    const a = me();
    const [items, unread] = await Promise.all([
      db.query<Row>(
        `SELECT n.id, n.created_at, n.kind, n.title, n.body, n.link, n.entity_type, n.entity_id, (r.user_id IS NOT NULL) AS read
         FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = $1
         WHERE ${MINE} AND ($4::boolean = false OR r.user_id IS NULL)
         ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
        [a.id, a.role, a.facilityCode, opts.unreadOnly, opts.limit],
      ),
      db.query<{ n: string }>(
        `SELECT count(*) AS n FROM notification n
         WHERE ${MINE} AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = $1)`,
        [a.id, a.role, a.facilityCode],
      ),
    ]);
    return {
      unread: Number(unread.rows[0]!.n),
      items: items.rows.map((r) => ({
        id: Number(r.id),
        createdAt: instantOf(r.created_at),
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        entityType: r.entity_type,
        entityId: r.entity_id,
        read: r.read,
      })),
    };
  }

  async function markRead(ids: number[] | 'all') {
    const a = me();
    const r = await db.query(
      `INSERT INTO notification_read (notification_id, user_id)
       SELECT n.id, $1 FROM notification n
       WHERE ${MINE} AND ($4::bigint[] IS NULL OR n.id = ANY($4::bigint[]))
       ON CONFLICT DO NOTHING`,
      [a.id, a.role, a.facilityCode, ids === 'all' ? null : ids],
    );
    if (ids !== 'all' && ids.length === 1 && r.rowCount === 0) {
      const mine = await db.query(`SELECT 1 FROM notification n WHERE n.id = $4 AND ${MINE}`, [
        a.id,
        a.role,
        a.facilityCode,
        ids[0],
      ]);
      if (mine.rows.length === 0) throw notFound('NOTIFICATION_NOT_FOUND', 'Notifikasi tidak ditemukan.');
    }
    return { marked: r.rowCount };
  }

  /** Hands committed notifications to the other channels; a failing gateway never fails the caller. */
  async function dispatch(notice: Notice & { id: number }, audience: Audience, log: (err: unknown) => void = () => {}) {
    for (const c of channels) await c.deliver(notice, audience).catch(log);
  }

  return { list, markRead, dispatch };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
