import { z } from 'zod';
import { AREA_LEVELS } from './rules/code.js';

/**
 * The area routes' contract: Kemendagri areas (reference data) as the API answers them, and the code a path
 * names. Imports only zod and the pure code rules, so the web app may import its types.
 */

export const area = z.object({
  code: z.string(),
  level: z.enum(AREA_LEVELS),
  parentCode: z.string().nullable(),
  name: z.string(),
});

/** An area with the names of the areas that contain it (null above its own level). */
export const areaWithPath = area.extend({
  province: z.string().nullable(),
  regency: z.string().nullable(),
  district: z.string().nullable(),
  village: z.string().nullable(),
});

export const codeParams = z.object({
  code: z
    .string()
    .regex(
      /^[0-9]+(\.[0-9]+)*$/,
      'Kode wilayah hanya berisi angka (boleh bertitik), mis. 3275011001 atau 32.75.01.1001.',
    )
    .max(20, 'Kode wilayah terlalu panjang.'),
});

export const areaList = z.object({ areas: z.array(area) });
export const children = z.object({ parent: area, areas: z.array(area) });

export type Area = z.output<typeof area>;
export type AreaLookup = z.output<typeof areaWithPath>;
