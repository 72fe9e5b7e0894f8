/** Bylines: the news source, dateline and the staff an article credits. */
import { z } from 'zod';
import { lineRangeSchema } from './evidence.ts';

/** A credited person's normalised role. */
export const staffRoleSchema = z.enum([
  'reporter',
  'all-media-reporter',
  'trainee-reporter',
  'intern',
  'correspondent',
  'photographer',
  'special-correspondent',
  'contributor',
]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** One person a byline or photo credit names. */
export const staffCreditSchema = z.object({
  /** the name as printed */
  name: z.string(),
  /** normalised role */
  role: staffRoleSchema,
  /** the role word as printed (记者, 全媒体记者, 实习生, 通讯员, 见习记者, 摄 …), or null when printed without one */
  roleText: z.string().nullable(),
  /** also credited for photos (文/图, 摄) */
  photos: z.boolean(),
});
export type StaffCredit = z.infer<typeof staffCreditSchema>;

/** An article's byline. */
export const bylineSchema = z.object({
  /** exactly as printed, line breaks removed (本报讯（记者 许珂 实习生付星婷）) */
  text: z.string(),
  /** the news-agency or paper part (本报讯, 衡阳晚报讯, 新华社北京5月14日电, 本报记者, 又讯) */
  source: z.string(),
  /** place of a dateline (北京), when printed */
  place: z.string().nullable(),
  /** month/day of a dateline (5月14日电), when printed */
  dateline: z
    .object({
      /** month (1–12) */
      m: z.number().int(),
      /** day of the month */
      d: z.number().int(),
    })
    .nullable(),
  /** the people credited, in printed order */
  staff: z.array(staffCreditSchema),
  /** source lines of the byline */
  lines: lineRangeSchema,
});
export type Byline = z.infer<typeof bylineSchema>;
