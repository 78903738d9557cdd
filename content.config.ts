import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { uiKeys, type UiKey } from './src/i18n/ui-keys';

/**
 * Our UI strings extend Starlight's i18n collection, so one mechanism (`Astro.locals.t`) translates
 * Starlight's chrome and our widgets alike. Every key is required in every language file.
 */
const uiStrings = z.object(Object.fromEntries(uiKeys.map((key) => [key, z.string().min(1)])) as Record<UiKey, z.ZodString>);

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStrings }) }),
};
