import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonIds } from '@site/quizzes/lessons';
import { lessonBlurbs } from '@site/src/lessons';

const root = join(__dirname, '..', '..');
const lessonsDir = join(root, 'docs', 'lessons');
const widgets = readdirSync(join(root, 'src', 'components', 'widgets'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name);
const quizFiles = new Set(
  readdirSync(join(root, 'quizzes'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, '')),
);

const lessons = readdirSync(lessonsDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => ({ file, id: file.replace(/\.mdx$/, ''), text: readFileSync(join(lessonsDir, file), 'utf8') }));

/** The course's order: the one list of lessons (quizzes/lessons.ts). */
const courseOrder: readonly string[] = lessonIds;

describe('the course', () => {
  it('has the eight lessons, in the sidebar order the course gives', () => {
    const byPosition = lessons
      .map((l) => ({ id: l.id, position: Number(/^sidebar_position:\s*(\d+(?:\.\d+)?)/m.exec(l.text)?.[1]) }))
      .sort((a, b) => a.position - b.position)
      .map((l) => l.id);
    expect(byPosition).toEqual(courseOrder);
  });

  it("the home page names each lesson by the lesson's own title, in course order", () => {
    const plain = (t: string) => t.replace(/[\u2018\u2019]/g, "'").trim();
    for (const id of lessonIds) {
      const lesson = lessons.find((l) => l.id === id);
      const title = /^title:\s*(.+)$/m.exec(lesson?.text ?? '')?.[1];
      expect(title, `docs/lessons/${id}.mdx title`).toBeDefined();
      expect(plain(lessonBlurbs[id].title), id).toBe(plain(title!.replace(/^['"]|['"]$/g, '')));
    }
  });

  it('uses the seed regions with their real codes somewhere in the lessons', () => {
    const all = lessons.map((l) => l.text).join('\n');
    for (const [name, code] of [
      ['US East (N. Virginia)', 'us-east-1'],
      ['US West (Oregon)', 'us-west-2'],
      ['Europe (Frankfurt)', 'eu-central-1'],
      ['Asia Pacific (Singapore)', 'ap-southeast-1'],
    ]) {
      expect(all, name).toContain(name);
      expect(all, code).toContain(code);
    }
    for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) expect(all).toContain(az);
  });
});

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('embeds at least one live widget, imported from the widgets folder', () => {
    const used = widgets.filter((w) => new RegExp(`<${w}[\\s/>]`).test(lesson.text));
    expect(used.length, `${lesson.file} embeds none of ${widgets.join(', ')}`).toBeGreaterThan(0);
    for (const w of used) expect(lesson.text).toContain(`import ${w} from '@site/src/components/widgets/${w}'`);
  });

  it('ends with "Check yourself" and its own quiz, which exists in quizzes/', () => {
    const quiz = /<Quiz\s+quiz="([^"]+)"\s*\/>/.exec(lesson.text);
    expect(quiz, `${lesson.file} has no <Quiz quiz="..." />`).not.toBeNull();
    expect(quiz![1]).toBe(lesson.id);
    expect(quizFiles.has(lesson.id), `quizzes/${lesson.id}.ts is missing`).toBe(true);
    const headings = [...lesson.text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.at(-1)).toBe('Check yourself');
    expect(lesson.text.indexOf('## Check yourself')).toBeLessThan(quiz!.index);
  });

  it('has a hands-on section ("Try it", or the capstone\'s steps) and links to the engine\'s simplifications', () => {
    expect(lesson.text).toMatch(/^## (Try it|Step \d)/m);
    expect(lesson.text).toContain('../reference/simplifications.md');
  });

  it('lists its sources when it cites the web', () => {
    const citesWeb = /\]\(https?:\/\//.test(lesson.text);
    const hasSources = /^## Sources/m.test(lesson.text);
    expect({ citesWeb, hasSources: hasSources || !citesWeb }).toEqual({ citesWeb, hasSources: true });
  });
});
