import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { todayJakarta, type CalendarService } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import { normaliseCode } from '../../platform/documents/codes.js';
import { verificationUrl } from '../../platform/documents/pdf.js';
import { ALL_FACILITIES, authorId, requireActor, scopeOf } from '../../platform/http/actor.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import { renderSjpLetter } from './letter.js';
import { timeLeftLabel } from './rules/duration.js';
import { letterheadFor, signerOf, type Letterhead } from '../../platform/documents/letterhead.js';
import * as repo from './repo.js';
import { queueBuckets, reminderFor, formatHours } from './rules/deadline.js';
import type { NewSetting, SjpQueue, SjpTracking } from './schemas.js';
import { view, type SjpService } from './service.js';

/**
 * The officer's queues (due soon / late / awaiting completion / to decide),
 * the reminder sweep, the letter PDF, the public tracking page and the late
 * policy setting. Reminders are computed on each queue read (and by
 * `sweep()`, which a scheduler may call): a dedupe key per request and kind
 * makes each reminder reach the officers once.
 */
export function createSjpDesk(
  db: Db,
  deps: {
    sjp: SjpService;
    calendar: CalendarService;
    audit: AuditWriter;
    publicUrl: string;
    letterheads?: { for(office: 'HEALTH'): Promise<Letterhead> };
  },
) {
  async function sweep(now = new Date()) {
    const cal = await deps.calendar.calendar();
    // A system job: every facility's requests, whoever (or nothing) triggered it.
    const open = await repo.open(db, ALL_FACILITIES);
    let sent = 0;
    await db.tx(async (tx) => {
      for (const r of open) {
        const kind = reminderFor({ status: r.status, hoursLeft: cal.workingHoursBetween(now, new Date(r.due_at)) });
        if (!kind) continue;
        const id = await notify(
          tx,
          { role: 'sjp' },
          {
            kind: kind === 'late' ? 'sjp.late' : 'sjp.deadline_soon',
            title:
              kind === 'late'
                ? `Berkas SJP terlambat: ${r.facility_name}`
                : `Batas berkas SJP kurang dari 4 jam kerja: ${r.facility_name}`,
            link: `/sjp/${r.id}`,
            entityType: 'sjp_request',
            entityId: String(r.id),
            dedupeKey: `sjp:${r.id}:${kind}`,
          },
        );
        if (id !== null) sent++;
      }
      const expired = await repo.expire(tx, todayJakarta(now));
      for (const id of expired) await repo.addEvent(tx, id, 'EXPIRED', 'Masa berlaku berakhir', 'sistem');
      if (expired.length)
        await auditInTx(
          tx,
          expired.map((id) => ({ action: 'sjp.expire', entityType: 'sjp_request', entityId: String(id) })),
        );
    });
    return { reminders: sent };
  }

  async function queue(): Promise<SjpQueue> {
    const scope = scopeOf(requireActor());
    await sweep();
    const cal = await deps.calendar.calendar();
    const now = new Date();
    const rows = await repo.open(db, scope);
    const items = rows.map((r) => {
      const hoursLeft = Math.round(cal.workingHoursBetween(now, new Date(r.due_at)) * 100) / 100;
      const v = view(r);
      return {
        ...v,
        hoursLeft,
        timeLeft: timeLeftLabel(hoursLeft),
        buckets: queueBuckets({ status: r.status, hoursLeft, lateHours: v.lateHours }),
      };
    });
    await deps.audit.record(
      items.map((i) => ({
        action: 'sjp.read',
        entityType: 'sjp_request',
        entityId: String(i.id),
        details: { via: 'queue' },
      })),
    );
    const pick = (b: string) => items.filter((i) => i.buckets.includes(b as never));
    return {
      late: pick('LATE'),
      dueSoon: pick('DUE_SOON'),
      awaitingCompletion: pick('AWAITING_COMPLETION'),
      toDecide: pick('TO_DECIDE'),
    };
  }

  async function letter(id: number) {
    const s = await deps.sjp.get(id);
    if (!s.letterUrl) throw conflict('SJP_NO_LETTER', 'Surat SJP baru tersedia setelah permintaan disetujui.');
    await deps.audit.record({ action: 'sjp.letter', entityType: 'sjp_request', entityId: String(id) });
    // The letterhead is the administrator's setting; the signer is the deciding officer's profile (full name, NIP).
    const head = deps.letterheads ? await deps.letterheads.for('HEALTH') : letterheadFor('HEALTH', null, null);
    const signer = await signerOf(db, await repo.deciderId(db, id));
    return {
      number: s.number!,
      pdf: await renderSjpLetter(s, verificationUrl(deps.publicUrl, 'sjp', s.trackingCode), head, signer),
    };
  }

  /** Public tracking / verification: status and dates only, no personal data. */
  async function track(raw: string): Promise<SjpTracking> {
    const code = normaliseCode(raw);
    const r = code ? await repo.byCode(db, code) : null;
    if (!r)
      throw notFound(
        'SJP_NOT_FOUND',
        'Kode pelacakan SJP tidak ditemukan. Periksa kembali kode pada tanda terima atau surat.',
      );
    const events = await repo.events(db, Number(r.id));
    return {
      status: r.status,
      number: r.status === 'APPROVED' || r.status === 'EXPIRED' ? r.number : null,
      careType: r.care_type,
      facilityName: r.facility_name,
      admissionDate: r.admission_date,
      submittedAt: r.first_submitted_at ? new Date(r.first_submitted_at).toISOString() : null,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      history: events.map((e) => ({ at: e.at.toISOString(), status: e.status })),
    };
  }

  async function settings() {
    return { items: await repo.listSettings(db), current: await repo.latePolicyOn(db, todayJakarta()) };
  }

  async function scheduleSetting(input: NewSetting) {
    const actor = requireActor();
    const today = todayJakarta();
    if (input.effectiveFrom <= today) {
      throw invalid(
        'SETTING_REFUSED',
        `Perubahan hanya dapat berlaku mulai besok atau sesudahnya (hari ini ${today}).`,
      );
    }
    if (input.note.trim().length < 5)
      throw invalid('SETTING_REFUSED', 'Tuliskan dasar hukum atau alasan perubahan (minimal 5 huruf).');
    const id = await db.tx(async (tx) => {
      const id = await repo.insertSetting(tx, {
        ...input,
        note: input.note.trim(),
        createdBy: authorId(actor),
      });
      if (!id) throw conflict('SETTING_EXISTS', `Sudah ada pengaturan SJP yang berlaku mulai ${input.effectiveFrom}.`);
      await auditInTx(tx, {
        action: 'sjp.setting.schedule',
        entityType: 'sjp_setting',
        entityId: String(id),
        details: { ...input },
      });
      return id;
    });
    return { id };
  }

  return { sweep, queue, letter, track, settings, scheduleSetting, formatHours };
}

export type SjpDesk = ReturnType<typeof createSjpDesk>;
