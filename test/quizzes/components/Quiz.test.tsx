// @vitest-environment happy-dom
/**
 * The Quiz component, used as a reader uses it: choose, check, read the grade and the feedback,
 * ask for hints and for the engine's replay; keyboard only; variants from the address; progress
 * kept in localStorage. The right answers come from the quiz definition for the variant, as a
 * reader's answer key would.
 */
import React from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Quiz from '@site/src/components/Quiz/Quiz';
import { progressKey } from '@site/src/components/Quiz/progress';
import { loadQuiz } from '@site/quizzes';
import { concreteQuiz } from '@site/quizzes/concrete';
import type { Concrete, Quiz as QuizDef } from '@site/quizzes/schema';

const az = (loadQuiz('availability-zones') as { quiz: QuizDef }).quiz;
const concrete = (seed: number) => concreteQuiz(az, seed);
type Single = Extract<Concrete, { form: 'single' }>;

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/docs/lessons/availability-zones');
});
afterEach(() => cleanup());

const question = (id: string) => within(document.querySelector(`[data-question="${id}"]`) as HTMLElement);
const result = () => screen.getByTestId('quiz-result');

// Each case renders a whole quiz and some run the engine: seconds on a busy machine.
describe('answering', { timeout: 20_000 }, () => {
  it('grades a right answer at once, announces it, and saves the score', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1)[0] as Single;
    const right = q.options.find((o) => o.correct)!;
    const box = question(q.id);
    await user.click(box.getByLabelText(right.text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Correct.');
    expect(result().textContent).toMatch(new RegExp(`^Score: 1 of ${az.questions.length} \\(1 answered\\)\\.`));
    expect(result().dataset.score).toBe('1');
    const saved = JSON.parse(window.localStorage.getItem(progressKey)!);
    expect(saved.lessons['availability-zones']).toMatchObject({ score: 1, attempts: 1, variant: 1, answered: { [q.id]: 1 } });
  });

  it('a first wrong try: what the answer suggests, with its section, and a hint, but not the answer', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1)[0] as Single; // azs and perAz drawn for seed 1
    const wrong = q.options.find((o) => !o.correct && o.text === `${Number(q.params.azs) * Number(q.params.perAz)} VMs`)!;
    const box = question(q.id);
    await user.click(box.getByLabelText(wrong.text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe(
      'Not quite: that option is wrong. Not the answer yet: read the hint and what your answer suggests, then try again.',
    );
    expect(box.getByText('Wrong: you chose this.')).toBeTruthy();
    // Nothing gives the key away: no "This is the answer", no explanation.
    expect(box.queryByText('This is the answer.')).toBeNull();
    expect(box.queryByText(/^The outage takes out the/)).toBeNull();
    // The diagnosis: the author's note, the belief, why, and the section.
    const diagnosis = within(box.getByTestId('diagnosis'));
    expect(diagnosis.getByText(/The VMs in us-east-1a sit in the failed AZ/)).toBeTruthy();
    expect(diagnosis.getByText('“A VM in a failed AZ still serves, because it is still “running”.”')).toBeTruthy();
    expect(diagnosis.getByText(/no request reaches them/)).toBeTruthy();
    expect(diagnosis.getByRole('link', { name: 'Designing across AZs' }).getAttribute('href')).toBe('/docs/lessons/availability-zones#designing-across-azs');
    // The first hint opened by itself.
    expect(within(box.getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(1);
    expect(result().dataset.score).toBe('0');
    // The answer on request.
    await user.click(box.getByRole('button', { name: 'Show the answer' }));
    expect(box.getByText('This is the answer.')).toBeTruthy();
    expect(box.getByText(/^The outage takes out the/)).toBeTruthy();
    expect(box.queryByRole('button', { name: 'Show the answer' })).toBeNull();
  });

  it('a second wrong try shows the answer and why; "show me" replays the consequence', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1)[0] as Single;
    const wrongs = q.options.filter((o) => !o.correct);
    const box = question(q.id);
    await user.click(box.getByLabelText(wrongs[0].text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.queryByText('This is the answer.')).toBeNull();
    await user.click(box.getByRole('button', { name: 'Try again' }));
    await user.click(box.getByLabelText(wrongs[1].text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Not quite: that option is wrong.');
    expect(box.getByText('This is the answer.')).toBeTruthy();
    expect(box.getByText(/^The outage takes out the/)).toBeTruthy();

    await user.click(box.getByRole('button', { name: 'Show me in the engine' }));
    const key = q.options.find((o) => o.correct)!.text;
    const para = (re: RegExp) => box.getByText((_, el) => el?.tagName === 'P' && re.test(el.textContent ?? ''));
    expect(para(new RegExp(`^At 3600 s the engine reads: ${key}\\. You answered: ${wrongs[1].text}\\.$`))).toBeTruthy();
    const table = box.getByRole('table', { name: 'VMs at 3600 s' });
    expect(within(table).getAllByText('not serving (az-down)')).toHaveLength(Number(q.params.perAz));
    expect(box.getByRole('button', { name: /^600 s: AZ us-east-1a failed/ })).toBeTruthy();
  });

  it('leaving out a right option of a multiple select says which, and what leaving it out suggests', async () => {
    window.history.replaceState(null, '', '/docs/lessons/vm-lifecycle');
    const user = userEvent.setup();
    render(<Quiz quiz="vm-lifecycle" />);
    const lifecycle = (loadQuiz('vm-lifecycle') as { quiz: QuizDef }).quiz;
    const q = concreteQuiz(lifecycle, 1).find(
      (c): c is Extract<Concrete, { form: 'multiple' }> =>
        c.form === 'multiple' && c.options.filter((o) => o.correct).length >= 2 && c.options.some((o) => o.correct && o.missed),
    )!;
    const left = q.options.find((o) => o.correct && o.missed)!;
    const box = question(q.id);
    const all = screen.queryByLabelText(/all questions/i);
    if (all) await user.click(all);
    for (const o of q.options.filter((x) => x.correct && x.id !== left.id)) await user.click(box.getByLabelText(o.text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    const diagnosis = within(box.getByTestId('diagnosis'));
    expect(diagnosis.getByText(`You left out “${left.text}”, which is right.`)).toBeTruthy();
    if (left.missed!.misconception) expect(box.getByTestId('diagnosis').querySelector(`[data-misconception="${left.missed!.misconception}"]`)).not.toBeNull();
  });

  it('"show me" on a question of the CPU model shows the model’s run, not a world of VMs', async () => {
    window.history.replaceState(null, '', '/docs/lessons/cpu-virtualization');
    const user = userEvent.setup();
    render(<Quiz quiz="cpu-virtualization" />);
    const box = question('io-exits');
    const field = box.getByLabelText('Your answer (in VM exits)');
    await user.type(field, '3');
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    await user.click(box.getByRole('button', { name: 'Try again' }));
    await user.clear(box.getByLabelText('Your answer (in VM exits)'));
    await user.type(box.getByLabelText('Your answer (in VM exits)'), '0');
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    await user.click(box.getByRole('button', { name: 'Show me in the engine' }));
    expect(box.getByRole('heading', { name: 'The CPU model’s run of this variant' })).toBeTruthy();
    const para = (re: RegExp) => box.getByText((_, el) => el?.tagName === 'P' && re.test(el.textContent ?? ''));
    expect(para(/^The CPU model reads: 2 VM exits\. You answered: 0/)).toBeTruthy();
    expect(box.getByText(/I\/O heavy \(writes to a disk\), 1 pass of the loop, under hardware assist, nested paging/)).toBeTruthy();
    const measured = within(box.getByRole('table', { name: 'What the engine measured' }));
    expect(measured.getByRole('row', { name: /out dx, eax ; ring the disk vm-exit/ })).toBeTruthy();
    expect(measured.getByRole('row', { name: /int 0x80 direct/ })).toBeTruthy();
    expect(box.queryByRole('table', { name: /^VMs at/ })).toBeNull();
    expect(box.queryByText(/No VMs in this world/)).toBeNull();
    expect(box.queryByText(/Timeline of engine events/)).toBeNull();
  });

  it('a failed task shows what the engine did and the diagnosis, but not the design until the second try', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const box = question('survive-an-az');
    // The default 1/1/1 leaves fewer than 4 VMs: it fails "survives" (and nothing else diagnosed).
    await user.click(box.getByRole('button', { name: 'Check with the engine' }));
    expect(box.getByRole('status').textContent).toMatch(/^Not yet: \d of \d conditions fail\. Not the answer yet/);
    expect(box.queryByText(/^Two per AZ: losing any AZ leaves 4/)).toBeNull();
    const diagnosis = within(box.getByTestId('diagnosis'));
    expect(diagnosis.getByRole('link', { name: 'Designing across AZs' }).getAttribute('href')).toBe('/docs/lessons/availability-zones#designing-across-azs');
    await user.click(box.getByRole('button', { name: 'Try again' }));
    await user.click(box.getByRole('button', { name: 'Check with the engine' }));
    expect(box.getByText(/^Two per AZ: losing any AZ leaves 4/)).toBeTruthy();
  });

  it('gives hints one at a time', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const box = question('one-az-fails');
    await user.click(box.getByRole('button', { name: 'Show a hint (1 of 2)' }));
    expect(within(box.getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(1);
    await user.click(box.getByRole('button', { name: 'Show a hint (2 of 2)' }));
    expect(within(box.getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(2);
    expect(box.queryByRole('button', { name: /Show a hint/ })).toBeNull();
  });

  it('gives partial credit for multiple select, option by option', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const box = question('group-after-outage');
    await user.click(box.getByLabelText(/has \d VMs serving again/));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toMatch(/^Partly right: 50% credit\. Not the answer yet/);
    // The missed right option is not pointed out until the answer is shown.
    expect(box.queryByText('Correct, but you did not choose it.')).toBeNull();
    expect(result().dataset.score).toBe('0.5');
    await user.click(box.getByRole('button', { name: 'Show the answer' }));
    expect(box.getByText('Correct, but you did not choose it.')).toBeTruthy();
  });

  it('grades a numeric answer and recognises a common mistake', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1).find((c) => c.id === 'standby-write-time') as Extract<Concrete, { form: 'numeric' }>;
    const box = question(q.id);
    await user.type(box.getByLabelText('Your answer (in ms)'), String(q.distractors[0].value));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByText(new RegExp(`^${q.distractors[0].value} ms is not the answer\\.$`))).toBeTruthy();
    expect(box.queryByText(new RegExp(`The answer is ${q.key} ms`))).toBeNull();
    const diagnosis = within(box.getByTestId('diagnosis'));
    expect(diagnosis.getByText(/A synchronous standby must confirm each write/)).toBeTruthy();
    expect(diagnosis.getByRole('link', { name: 'Synchronous replication and failover' })).toBeTruthy();
    await user.click(box.getByRole('button', { name: 'Try again' }));
    await user.clear(box.getByLabelText('Your answer (in ms)'));
    await user.type(box.getByLabelText('Your answer (in ms)'), `${q.key} ms`);
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Correct.');
  });

  it('Try again by keyboard opens the question again: nothing graded, fields enabled, focus on the answer', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1)[0] as Single;
    const box = question(q.id);
    await user.click(box.getByLabelText(q.options.find((o) => !o.correct)!.text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    const retry = box.getByRole('button', { name: 'Try again' });
    expect(document.activeElement).toBe(retry);
    await user.keyboard('{Enter}');
    expect(box.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(box.getByRole('status').textContent).toBe('');
    expect((box.getByRole('group') as HTMLFieldSetElement).disabled).toBe(false);
    const chosen = box.getByLabelText(q.options.find((o) => !o.correct)!.text) as HTMLInputElement;
    expect(document.activeElement).toBe(chosen);
    await user.click(box.getByLabelText(q.options.find((o) => o.correct)!.text));
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Correct.');
    expect(result().dataset.score).toBe('1');
  });

  it('reads "1,000" as a thousand, as the lessons write it, and asks for a decimal point for "57,14"', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1).find((c) => c.id === 'replica-loses-lag') as Extract<Concrete, { form: 'numeric' }>;
    const box = question(q.id);
    const field = box.getByLabelText('Your answer (in writes)');
    await user.type(field, '57,14');
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Write decimals with a point (for example 57.14): a comma here only separates thousands, as in 1,000.');
    expect(box.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(result().dataset.score).toBe('0');
    await user.clear(field);
    await user.type(field, `${(q.key * 1000).toLocaleString('en')}`);
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByText(new RegExp(`^Not quite: ${q.key * 1000} writes is not the answer\\.`))).toBeTruthy();
  });

  it('asks for an answer before grading', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const box = question('one-az-fails');
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Choose an answer first.');
  });
});

describe('keyboard only', () => {
  it('chooses with the arrow keys and checks with Enter', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1)[0] as Single;
    const box = question(q.id);
    const radios = box.getAllByRole('radio');
    radios[0].focus();
    await user.keyboard(' ');
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect((radios[1] as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Enter}');
    expect(box.getByRole('status').textContent).toMatch(/^(Correct\.|Not quite: that option is wrong\. Not the answer yet: .*)$/);
  });

  it('orders items with the Move buttons, keeping focus on the moved item and announcing its place', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1).find((c) => c.id === 'failover-sequence') as Extract<Concrete, { form: 'ordering' }>;
    const box = question(q.id);
    const text = (id: string) => q.items.find((i) => i.id === id)!.text;
    const first = q.start[0];
    const down = box.getByRole('button', { name: `Move “${text(first)}” down` });
    down.focus();
    await user.keyboard('{Enter}');
    await new Promise((r) => requestAnimationFrame(r));
    const items = within(box.getByRole('list', { name: '' })).getAllByRole('listitem');
    expect(items[1].textContent).toContain(text(first));
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(new RegExp(`Move “${text(first)}” (down|up)`));
    expect(box.getByText(`“${text(first)}” is now 2 of 4.`)).toBeTruthy();
  });

  it('puts a right order together and grades it', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const q = concrete(1).find((c) => c.id === 'failover-sequence') as Extract<Concrete, { form: 'ordering' }>;
    const box = question(q.id);
    // Selection sort with the Up buttons: bring each item, in the key's order, to its place.
    for (let target = 0; target < q.items.length; target++) {
      const id = q.items[target].id;
      for (;;) {
        const order = within(box.getAllByRole('list')[0])
          .getAllByRole('listitem')
          .map((li) => li.textContent ?? '');
        const at = order.findIndex((t) => t.startsWith(q.items[target].text));
        if (at === target) break;
        await user.click(box.getByRole('button', { name: `Move “${q.items.find((i) => i.id === id)!.text}” up` }));
      }
    }
    await user.click(box.getByRole('button', { name: 'Check answer' }));
    expect(box.getByRole('status').textContent).toBe('Correct order.');
  });
});

describe('one question at a time', () => {
  it('shows one question, and Next moves focus to the next one', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    await user.click(screen.getByLabelText('one question at a time'));
    const visible = () =>
      [...document.querySelectorAll('[data-question]')].filter((el) => !(el as HTMLElement).hidden).map((el) => el.getAttribute('data-question'));
    expect(visible()).toEqual(['one-az-fails']);
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await new Promise((r) => requestAnimationFrame(r));
    expect(visible()).toEqual([az.questions[1].id]);
    expect(document.activeElement?.getAttribute('data-question')).toBe(az.questions[1].id);
    expect((screen.getByRole('button', { name: 'Previous question' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('variants', () => {
  it('reads the variant from the address and shows exactly that variant', () => {
    window.history.replaceState(null, '', '/docs/lessons/availability-zones?v-availability-zones=1234');
    render(<Quiz quiz="availability-zones" />);
    expect(document.querySelector('[data-quiz]')!.getAttribute('data-variant')).toBe('1234');
    expect(question('one-az-fails').getByRole('group').querySelector('legend')!.textContent).toBe(concrete(1234)[0].prompt);
  });

  it.each(['1e999', '-1', '99999999999', 'abc', '<script>window.__xss=1</script>', '<img src=x onerror=alert(1)>'])(
    'falls back to the default variant with a notice for %s, running nothing',
    (value) => {
      window.history.replaceState(null, '', `/docs/lessons/availability-zones?v-availability-zones=${encodeURIComponent(value)}`);
      render(<Quiz quiz="availability-zones" />);
      const root = document.querySelector('[data-quiz]') as HTMLElement;
      expect(root.getAttribute('data-variant')).toBe('1');
      expect(within(root).getByRole('alert').textContent).toMatch(/so you see the default variant/);
      expect(root.querySelector('script, img')).toBeNull();
      expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    },
  );

  it('draws a new variant and puts it in the address, to share', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    await user.click(screen.getByRole('button', { name: 'New variant' }));
    const seed = new URLSearchParams(window.location.search).get('v-availability-zones');
    expect(seed).toMatch(/^\d+$/);
    expect(document.querySelector('[data-quiz]')!.getAttribute('data-variant')).toBe(seed);
    expect(seed).not.toBe('1');
  });
});

describe('progress', () => {
  it('is kept across a reload: the score and the variant come back', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/docs/lessons/availability-zones?v-availability-zones=42');
    const { unmount } = render(<Quiz quiz="availability-zones" />);
    const q = concrete(42)[0] as Single;
    await user.click(question(q.id).getByLabelText(q.options.find((o) => o.correct)!.text));
    await user.click(question(q.id).getByRole('button', { name: 'Check answer' }));
    unmount();
    window.history.replaceState(null, '', '/docs/lessons/availability-zones');
    render(<Quiz quiz="availability-zones" />);
    expect(result().dataset.score).toBe('1');
    expect(document.querySelector('[data-quiz]')!.getAttribute('data-variant')).toBe('42');
    // The answer itself comes back, graded as before, with Try again open to the reader.
    const box = question(q.id);
    expect((box.getByRole('radio', { checked: true }) as HTMLInputElement).value).toBe(q.options.find((o) => o.correct)!.id);
    expect(box.getByRole('status').textContent).toBe('Correct.');
    expect(box.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it.each([
    ['corrupt', '{"not json', /could not be read/],
    ['old-format', '{"version":999,"quizzes":"nonsense"}', /older format/],
  ])('resets a %s entry with a notice and offers the old text for download, never crashing', async (_, raw, message) => {
    const user = userEvent.setup();
    window.localStorage.setItem(progressKey, raw);
    render(<Quiz quiz="availability-zones" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(within(alert).getByRole('button', { name: 'Download the unreadable data' })).toBeTruthy();
    // Answering replaces the entry with a valid one.
    const q = concrete(1)[0] as Single;
    await user.click(question(q.id).getByLabelText(q.options[0].text));
    await user.click(question(q.id).getByRole('button', { name: 'Check answer' }));
    expect(JSON.parse(window.localStorage.getItem(progressKey)!).version).toBe(1);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    // Focus goes on to the next control, not to <body>.
    expect(document.activeElement).toBe(screen.getByLabelText('one question at a time'));
  });
});

describe('tasks', () => {
  it('runs the reader’s configuration through the engine and says which condition fails', async () => {
    const user = userEvent.setup();
    render(<Quiz quiz="availability-zones" />);
    const box = question('survive-an-az');
    const set = async (label: string, value: string) => {
      const input = box.getByLabelText(label);
      await user.clear(input);
      await user.type(input, value);
    };
    await set('VMs in us-east-1a', '4');
    await set('VMs in us-east-1b', '0');
    await set('VMs in us-east-1c', '0');
    await user.click(box.getByRole('button', { name: 'Check with the engine' }));
    expect(box.getByRole('status').textContent).toBe(
      'Not yet: 1 of 2 conditions fail. Not the answer yet: read the hint and what your answer suggests, then try again.',
    );
    expect(box.getByText(/us-east-1a down: 0 VM\(s\) serving/)).toBeTruthy();
    const runs = box.getByRole('table', { name: /run as it is and with each AZ down/ });
    expect(within(runs).getAllByRole('row')).toHaveLength(5);

    await user.click(box.getByRole('button', { name: 'Try again' }));
    await set('VMs in us-east-1a', '2');
    await set('VMs in us-east-1b', '2');
    await set('VMs in us-east-1c', '2');
    await user.click(box.getByRole('button', { name: 'Check with the engine' }));
    expect(box.getByRole('status').textContent).toBe('Goal reached: the engine confirms every condition.');
  });
});
