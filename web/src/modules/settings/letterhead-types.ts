/** GET /api/v1/settings/letterhead (src/platform/documents/letterhead.ts). */
export interface LetterheadAnswer {
  setting: {
    regionKind: 'KOTA' | 'KABUPATEN';
    regionName: string;
    healthOfficeAddress: string | null;
    socialOfficeAddress: string | null;
    updatedAt: string | null;
  } | null;
  preview: Record<
    'HEALTH' | 'SOCIAL',
    { government: string; office: string; region: string | null; address: string | null }
  >;
}
