import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { questions } from '../content/interview/questions';
import { bankSections, questionAnchor, topicAnchor, type Lang } from './interview/bank';

/**
 * Starlight route middleware. The question bank renders its headings from data inside a component, so
 * Starlight cannot see them in the page's Markdown; here its table of contents (the right sidebar on wide
 * screens, "On this page" on phones) gets them: each topic, and under it the questions, by their stable
 * anchors.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const match = /^(en|zh-cn)\/interview\/questions$/.exec(route.id);
  if (!match || !route.toc) return;
  const lang = match[1] as Lang;
  const t = context.locals.t as (key: string) => string;
  const overview = route.toc.items[0]!;
  route.toc = {
    minHeadingLevel: 2,
    maxHeadingLevel: 3,
    items: [
      overview,
      ...bankSections(questions).map((section) => ({
        depth: 2,
        slug: topicAnchor(section.topic),
        text: t(`qb.topic.${section.topic}`),
        children: section.questions.map((q) => ({ depth: 3, slug: questionAnchor(q.id), text: q.question[lang], children: [] })),
      })),
    ],
  };
});
