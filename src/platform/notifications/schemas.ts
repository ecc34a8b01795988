import { z } from 'zod';
import { instant } from '../schemas.js';

/** The in-app notifications' HTTP contract (the bell). The web app imports the types. */

export const listQuery = z.object({
  unread: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notice = z.object({
  id: z.number(),
  createdAt: instant,
  /** `<module>.<event>`, e.g. `sjp.submitted`. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A page of the web app to open. */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  read: z.boolean(),
});

export const noticeList = z.object({ unread: z.number(), items: z.array(notice) });

export const markReadBody = z.object({
  ids: z.union([z.array(z.number().int().positive()).min(1).max(500), z.literal('all')]),
});
export const marked = z.object({ marked: z.number() });

export type NoticeItem = z.output<typeof notice>;
export type NoticeList = z.output<typeof noticeList>;
