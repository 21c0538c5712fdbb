import { z } from 'zod';

/** Every message a person reads comes in both languages: Chinese first, English second. */
export const LocalizedSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

export type Localized = z.infer<typeof LocalizedSchema>;
