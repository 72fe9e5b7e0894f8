/** Which paper an issue is, and what its masthead prints. */
import { z } from 'zod';
import { confidenceSchema, evidenceSchema } from './evidence.ts';

/** The paper an issue belongs to, with how it was identified. */
export const paperInfoSchema = z.object({
  /** ASCII slug used in URLs (`hengyang-daily`), `unknown` when not identified */
  id: z.string(),
  /** the paper's name as printed (衡阳日报), or null when unknown */
  name: z.string().nullable(),
  /** how sure the identification is */
  confidence: confidenceSchema,
  /** the clues that named the paper */
  evidence: z.array(evidenceSchema),
});
export type PaperInfo = z.infer<typeof paperInfoSchema>;

/** The masthead's fields, each as printed (numbers read from the printed text). */
export const mastheadSchema = z.object({
  /** the masthead lines exactly as printed, with their line numbers */
  lines: z.array(
    z.object({
      /** source line */
      line: z.number().int(),
      /** the line as printed */
      text: z.string(),
    }),
  ),
  /** the paper's name as printed */
  paperName: z.string().nullable(),
  /** English name if printed (HENGYANG DAILY) */
  paperNameEn: z.string().nullable(),
  /** ISO date printed in the masthead */
  date: z.string().nullable(),
  /** weekday as printed (星期四) */
  weekday: z.string().nullable(),
  /** lunar date as printed (辛丑年十一月初六) */
  lunarDate: z.string().nullable(),
  /** issue number as a number (第18021号 → 18021) */
  issueNumber: z.number().int().nullable(),
  /** page count (今日八版 → 8) */
  pageCount: z.number().int().nullable(),
  /** serial number (CN 43-0004) */
  serial: z.string().nullable(),
  /** official website as printed */
  website: z.string().nullable(),
  /** hotlines: label → number as printed (新闻热线 → 8611110) */
  hotlines: z.array(
    z.object({
      /** the label as printed (新闻热线) */
      label: z.string(),
      /** the number as printed */
      number: z.string(),
    }),
  ),
  /** publisher/sponsor lines (主管, 主办, 出版) */
  publisher: z.array(z.string()),
});
export type Masthead = z.infer<typeof mastheadSchema>;
